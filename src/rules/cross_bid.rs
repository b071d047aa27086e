//! Group G: rules across the bids of one solicitation. Their metadata lives
//! here with the other rules so the catalogue is complete; they are run by
//! `crate::compare`, which sees all bids at once.

use super::{Group, Rule, Text};
use crate::model::Severity;
use crate::policy::{ThresholdSpec, SHARE};

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[
    &ABNORMALLY_LOW_BID,
    &IDENTICAL_PRICES,
    &SHARED_IDENTITY,
    &SINGLE_BID,
];

/// `thresholds.abnormallyLowTwoBids` of the policy, read by `abnormally-low-bid`.
pub static ABNORMALLY_LOW_TWO_BIDS: ThresholdSpec =
    ThresholdSpec::required("abnormallyLowTwoBids", SHARE);
/// `thresholds.abnormallyLowManyBids` of the policy, read by `abnormally-low-bid`.
pub static ABNORMALLY_LOW_MANY_BIDS: ThresholdSpec =
    ThresholdSpec::required("abnormallyLowManyBids", SHARE);
/// `thresholds.abnormallyLowOutlier` of the policy, read by `abnormally-low-bid`.
pub static ABNORMALLY_LOW_OUTLIER: ThresholdSpec =
    ThresholdSpec::required("abnormallyLowOutlier", SHARE);
/// `thresholds.abnormallyLowBelowEstimate` of the policy, read by `abnormally-low-bid`.
pub static ABNORMALLY_LOW_BELOW_ESTIMATE: ThresholdSpec =
    ThresholdSpec::optional("abnormallyLowBelowEstimate", SHARE);

/// `abnormally-low-bid`
pub static ABNORMALLY_LOW_BID: Rule = Rule {
    id: "abnormally-low-bid",
    group: Group::G,
    title: Text::new("Abnormally low bid", "Oferta anormalmente baja"),
    severities: &[Severity::High],
    citations: &["Cal. Lab. Code 2810", "EU Directive 2014/24 art. 69", "RGLCAP art. 85"],
    description: Text::new("A bid's price is abnormally low by the arithmetic of RGLCAP art. 85 (Spain's rule for awards on price alone), applied to the bids compared: with 2 bids, the lower is more than 20% below the other; with 3, a bid is more than 10% below the mean, the highest bid leaving the mean when it is more than 10% above it, and any bid more than 25% below the estimate is abnormal; with 4 or more, more than 10% below the mean of the bids not more than 10% above the first mean (or of the three lowest, when fewer than three remain). Several bids of one vendor count once, at their lowest price (art. 86.1). An abnormally low price may rest on unpaid or underpaid labor. It is a signal to ask the bidder to explain the price, as EU Directive 2014/24 art. 69 requires before any rejection, never a reason to reject the bid by itself.", "El precio de una oferta es anormalmente bajo según la aritmética del RGLCAP art. 85 (la regla de España para adjudicaciones solo por precio), aplicada a las ofertas comparadas: con 2 ofertas, la menor está más de un 20% por debajo de la otra; con 3, una oferta está más de un 10% por debajo de la media, la oferta más alta sale de la media cuando está más de un 10% por encima de ella, y cualquier oferta más de un 25% por debajo del estimado es anormal; con 4 o más, más de un 10% por debajo de la media de las ofertas que no están más de un 10% por encima de la primera media (o de las tres más bajas, cuando quedan menos de tres). Varias ofertas de un mismo proveedor cuentan una vez, a su precio más bajo (art. 86.1). Un precio anormalmente bajo puede basarse en trabajo no pagado o mal pagado. Es una señal para pedir al licitante que explique el precio, como exige la Directiva de la UE 2014/24 art. 69 antes de cualquier rechazo, nunca un motivo para rechazar la oferta por sí solo."),
    action: Text::new("Ask the bidder to explain the price in writing (labor hours, wage rates, materials, margin) and weigh the answer before award; do not reject the bid on this finding alone.", "Pida al licitante que explique el precio por escrito (horas de trabajo, salarios, materiales, margen) y evalúe la respuesta antes de la adjudicación; no rechace la oferta solo por este hallazgo."),
    vendor_action: Text::new("If your price is far below the other bids, be ready to explain it in writing (labor hours, wage rates, materials, margin): the city will ask before award.", "Si su precio está muy por debajo de las demás ofertas, prepárese para explicarlo por escrito (horas de trabajo, salarios, materiales, margen): la ciudad lo pedirá antes de la adjudicación."),
    thresholds: &[&ABNORMALLY_LOW_TWO_BIDS, &ABNORMALLY_LOW_MANY_BIDS, &ABNORMALLY_LOW_OUTLIER, &ABNORMALLY_LOW_BELOW_ESTIMATE],
    check: None,
};

/// `identical-prices`
pub static IDENTICAL_PRICES: Rule = Rule {
    id: "identical-prices",
    group: Group::G,
    title: Text::new("Identical prices from different vendors", "Precios idénticos de proveedores distintos"),
    severities: &[Severity::Medium],
    citations: &["Open Contracting Partnership red flag (Cardinal R028)"],
    description: Text::new("Two different vendors bid exactly the same total, which can mean the bids were prepared together.", "Dos proveedores distintos ofrecieron exactamente el mismo total, lo que puede significar que prepararon las ofertas juntos."),
    action: Text::new("Check whether the vendors are related (owners, addresses, staff) and ask each how its price was built.", "Revise si los proveedores están relacionados (dueños, direcciones, personal) y pregunte a cada uno cómo calculó su precio."),
    vendor_action: Text::new("Build your price independently; if you are related to another bidder (owners, addresses, staff), say so in the bid.", "Calcule su precio de forma independiente; si tiene relación con otro licitante (dueños, direcciones, personal), indíquelo en la oferta."),
    thresholds: &[],
    check: None,
};

/// `shared-identity`
pub static SHARED_IDENTITY: Rule = Rule {
    id: "shared-identity",
    group: Group::G,
    title: Text::new("Different vendors share an identity", "Proveedores distintos comparten una identidad"),
    severities: &[Severity::High],
    citations: &["Open Contracting Partnership red flag (Cardinal R044 style)"],
    description: Text::new("Two different vendors share an identifier, a street address with postal code, an e-mail address, a phone number or a principal. Front companies of one labor broker often bid side by side.", "Dos proveedores distintos comparten un identificador, una dirección con código postal, un correo electrónico, un número de teléfono o un socio principal. Las empresas fachada de un mismo intermediario laboral suelen presentar ofertas lado a lado."),
    action: Text::new("Ask both vendors to explain the link; check ownership records before treating their bids as independent.", "Pida a ambos proveedores que expliquen el vínculo; revise los registros de propiedad antes de tratar sus ofertas como independientes."),
    vendor_action: Text::new("If you share an address, contact, identifier or principal with another bidder, explain the link in the bid.", "Si comparte una dirección, un contacto, un identificador o un socio principal con otro licitante, explique el vínculo en la oferta."),
    thresholds: &[],
    check: None,
};

/// `single-bid`
pub static SINGLE_BID: Rule = Rule {
    id: "single-bid",
    group: Group::G,
    title: Text::new("Only one bid in a competitive procedure", "Una sola oferta en un procedimiento competitivo"),
    severities: &[Severity::Low],
    citations: &["Open Contracting Partnership red flag (Cardinal R018)"],
    description: Text::new("An open or selective procedure received a single bid, so there is no price competition to reveal an implausible price.", "Un procedimiento abierto o selectivo recibió una sola oferta, así que no hay competencia de precios que revele un precio inverosímil."),
    action: Text::new("Compare the price with the estimate and past contracts; consider why other vendors did not bid.", "Compare el precio con el estimado y con contratos anteriores; considere por qué otros proveedores no presentaron ofertas."),
    vendor_action: Text::new("Nothing for you to change: a single bid leads the city to compare your price with its estimate and past contracts.", "No tiene que cambiar nada: con una sola oferta, la ciudad compara su precio con su estimado y con contratos anteriores."),
    thresholds: &[],
    check: None,
};
