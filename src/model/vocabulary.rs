//! The closed vocabularies of SPEC.md section 2, as enums that read and
//! write their exact JSON words.

use crate::input::{Read, Reader};
use crate::json::Json;
use crate::text::Lang;

/// Defines an enum whose variants are spelled in JSON as the given words,
/// with reading (error naming the allowed words), serialization, and JSON
/// Schema. One definition per vocabulary keeps the words in one place.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The JSON words, in declaration order.
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            /// The JSON word for this value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The value for a JSON word.
            pub fn from_word(word: &str) -> Option<$name> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }
        }

        impl Read for $name {
            fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
                let index = r.word(value, Self::WORDS)?;
                Self::ALL.get(index).copied()
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::from_word(&word).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "'{word}' is not one of: {}",
                        Self::WORDS.join(", ")
                    ))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The government whose rules govern the solicitation.
    Jurisdiction {
        /// City of Los Angeles.
        LaCity = "la-city",
        /// Unincorporated Los Angeles County.
        LaCounty = "la-county",
        /// State of California.
        California = "california",
        /// A federal agency (performed in California).
        Federal = "federal",
    }
}

vocabulary! {
    /// Sector of the work, for the solicitation and for subcontractors.
    Sector {
        /// Construction.
        Construction = "construction",
        /// Janitorial and cleaning.
        Janitorial = "janitorial",
        /// Landscaping.
        Landscaping = "landscaping",
        /// Hotels and hospitality.
        Hospitality = "hospitality",
        /// Event staffing.
        EventStaffing = "event-staffing",
        /// Food service.
        FoodService = "food-service",
        /// Security guards.
        Security = "security",
        /// Apparel and uniforms.
        Apparel = "apparel",
        /// Laundry.
        Laundry = "laundry",
        /// Electronics.
        Electronics = "electronics",
        /// Transportation.
        Transportation = "transportation",
        /// Warehousing.
        Warehousing = "warehousing",
        /// Agriculture.
        Agriculture = "agriculture",
        /// Manufacturing.
        Manufacturing = "manufacturing",
        /// Professional services.
        ProfessionalServices = "professional-services",
        /// Anything else.
        Other = "other",
    }
}

impl ProcurementMethod {
    /// The method as a sentence names it: the vocabulary word in English
    /// ("this open procedure"), its Spanish name in Spanish ("este
    /// procedimiento abierto").
    pub fn word(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, m) => m.as_str(),
            (Lang::Es, ProcurementMethod::Open) => "abierto",
            (Lang::Es, ProcurementMethod::Selective) => "selectivo",
            (Lang::Es, ProcurementMethod::Limited) => "limitado",
            (Lang::Es, ProcurementMethod::Direct) => "directo",
        }
    }
}

impl Sector {
    /// What a solicitation in this sector usually buys, where the sector
    /// says it: `None` for sectors that buy goods and services alike (food
    /// service, agriculture, other).
    pub fn usual_category(self) -> Option<ProcurementCategory> {
        match self {
            Sector::Apparel | Sector::Electronics | Sector::Manufacturing => {
                Some(ProcurementCategory::Goods)
            }
            Sector::Construction => Some(ProcurementCategory::Works),
            Sector::FoodService | Sector::Agriculture | Sector::Other => None,
            _ => Some(ProcurementCategory::Services),
        }
    }
}

vocabulary! {
    /// How the contract is procured.
    ProcurementMethod {
        /// Open to all.
        Open = "open",
        /// Selected bidders.
        Selective = "selective",
        /// Limited competition.
        Limited = "limited",
        /// Direct award.
        Direct = "direct",
    }
}

vocabulary! {
    /// What kind of business the vendor is (for California's supply-chain disclosure law).
    BusinessType {
        /// Retail seller.
        Retailer = "retailer",
        /// Manufacturer.
        Manufacturer = "manufacturer",
        /// Services.
        Services = "services",
        /// Anything else.
        Other = "other",
    }
}

vocabulary! {
    /// What a deduction from workers' pay is for.
    DeductionKind {
        /// Recruitment fees.
        Recruitment = "recruitment",
        /// Visa costs.
        Visa = "visa",
        /// Travel costs.
        Travel = "travel",
        /// Housing.
        Housing = "housing",
        /// Transport to work.
        Transport = "transport",
        /// Uniforms.
        Uniform = "uniform",
        /// Tools.
        Tools = "tools",
        /// Meals.
        Meals = "meals",
        /// A deposit or bond taken from pay, returned (if at all) later.
        Deposit = "deposit",
        /// Anything else.
        Other = "other",
    }
}

vocabulary! {
    /// What the contract buys, as OCDS `tender.mainProcurementCategory` has it.
    ProcurementCategory {
        /// Goods (equipment, materials, supplies).
        Goods = "goods",
        /// Services.
        Services = "services",
        /// Works (construction).
        Works = "works",
    }
}

vocabulary! {
    /// The temporary-worker program workers come to the US through.
    TemporaryWorkerProgram {
        /// H-2A, temporary agricultural workers.
        H2a = "h-2a",
        /// H-2B, temporary non-agricultural workers.
        H2b = "h-2b",
        /// Another program that brings workers temporarily.
        Other = "other",
        /// No temporary-worker program.
        None = "none",
    }
}

vocabulary! {
    /// How often workers are paid.
    PayFrequency {
        /// Every week.
        Weekly = "weekly",
        /// Every two weeks.
        Biweekly = "biweekly",
        /// Twice a month.
        Semimonthly = "semimonthly",
        /// Once a month.
        Monthly = "monthly",
    }
}

impl PayFrequency {
    /// Fewest paydays in a calendar month at this frequency.
    pub fn paydays_per_month(self) -> u32 {
        match self {
            PayFrequency::Weekly => 4,
            PayFrequency::Biweekly | PayFrequency::Semimonthly => 2,
            PayFrequency::Monthly => 1,
        }
    }
}

vocabulary! {
    /// Elements of a FAR 52.222-50(h) compliance plan.
    PlanElement {
        /// Employee awareness program.
        Awareness = "awareness",
        /// Process to report violations without retaliation.
        Reporting = "reporting",
        /// Recruitment and wage plan.
        RecruitmentWage = "recruitment-wage",
        /// Housing plan.
        Housing = "housing",
        /// Monitoring of subcontractors and agents.
        SubcontractorMonitoring = "subcontractor-monitoring",
    }
}

vocabulary! {
    /// Where a wage violation stands.
    ViolationStatus {
        /// Not paid.
        Unpaid = "unpaid",
        /// Paid.
        Paid = "paid",
        /// Under appeal or dispute.
        Contested = "contested",
    }
}

vocabulary! {
    /// How serious a finding is.
    Severity {
        /// For information.
        Info = "info",
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
        /// Critical.
        Critical = "critical",
    }
}

vocabulary! {
    /// Who an assessment is written for: the city's evaluator (the default),
    /// or the vendor checking its own bid before submitting.
    Audience {
        /// The evaluator reading a bid.
        Evaluator = "evaluator",
        /// The vendor checking its bid: findings and gaps also say what to
        /// do before submitting (`vendorAction`).
        Vendor = "vendor",
    }
}

impl Severity {
    /// The word a person reads for this severity in `lang` (the JSON keeps
    /// the English token): `critical` / `crítica`. The Spanish agrees with
    /// *gravedad* (severity), as in "Gravedad: media"; a tier's words agree
    /// with *nivel* (`Tier::word`).
    pub fn word(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, s) => s.as_str(),
            (Lang::Es, Severity::Info) => "informativa",
            (Lang::Es, Severity::Low) => "baja",
            (Lang::Es, Severity::Medium) => "media",
            (Lang::Es, Severity::High) => "alta",
            (Lang::Es, Severity::Critical) => "crítica",
        }
    }
}

vocabulary! {
    /// The overall risk tier of an assessment.
    Tier {
        /// Low.
        Low = "low",
        /// Elevated.
        Elevated = "elevated",
        /// High: review required.
        High = "high",
        /// Critical: review required.
        Critical = "critical",
    }
}

impl Sector {
    /// The sector as a sentence names it in `lang` (the JSON keeps the
    /// token): `event-staffing` / `event staffing` / `personal para eventos`.
    pub fn word(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Sector::EventStaffing) => "event staffing",
            (Lang::En, Sector::FoodService) => "food service",
            (Lang::En, Sector::ProfessionalServices) => "professional services",
            (Lang::En, other) => other.as_str(),
            (Lang::Es, Sector::Construction) => "construcción",
            (Lang::Es, Sector::Janitorial) => "limpieza",
            (Lang::Es, Sector::Landscaping) => "jardinería",
            (Lang::Es, Sector::Hospitality) => "hotelería",
            (Lang::Es, Sector::EventStaffing) => "personal para eventos",
            (Lang::Es, Sector::FoodService) => "servicio de comidas",
            (Lang::Es, Sector::Security) => "seguridad",
            (Lang::Es, Sector::Apparel) => "confección de ropa",
            (Lang::Es, Sector::Laundry) => "lavandería",
            (Lang::Es, Sector::Electronics) => "electrónica",
            (Lang::Es, Sector::Transportation) => "transporte",
            (Lang::Es, Sector::Warehousing) => "almacenes",
            (Lang::Es, Sector::Agriculture) => "agricultura",
            (Lang::Es, Sector::Manufacturing) => "manufactura",
            (Lang::Es, Sector::ProfessionalServices) => "servicios profesionales",
            (Lang::Es, Sector::Other) => "otros",
        }
    }
}

impl Tier {
    /// The word a person reads for this tier in `lang` (the JSON keeps the
    /// English token): `elevated` / `elevado`.
    pub fn word(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, t) => t.as_str(),
            (Lang::Es, Tier::Low) => "bajo",
            (Lang::Es, Tier::Elevated) => "elevado",
            (Lang::Es, Tier::High) => "alto",
            (Lang::Es, Tier::Critical) => "crítico",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spanish severity words agree with *gravedad* ("Gravedad: media",
    /// "de gravedad alta"); tier words with *nivel* ("nivel de riesgo
    /// alto"). Every word differs from the English token.
    #[test]
    fn spanish_words_agree_with_their_noun() {
        for severity in Severity::ALL {
            let word = severity.word(Lang::Es);
            assert!(word.ends_with('a'), "{word}");
            assert_ne!(word, severity.word(Lang::En));
        }
        for tier in Tier::ALL {
            let word = tier.word(Lang::Es);
            assert!(word.ends_with('o'), "{word}");
            assert_ne!(word, tier.word(Lang::En));
        }
    }
}
