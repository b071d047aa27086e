//! Group G: rules across the bids of one solicitation. Their metadata lives
//! here with the other rules so the catalogue is complete; they are run by
//! `crate::compare`, which sees all bids at once.

use super::{Group, Rule};
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
    title: "Abnormally low bid",
    severities: &[Severity::High],
    citations: &["Cal. Lab. Code 2810", "EU Directive 2014/24 art. 69", "RGLCAP art. 85"],
    description: "A bid's price is abnormally low by the arithmetic of RGLCAP art. 85 (Spain's rule for awards on price alone), applied to the bids compared: with 2 bids, the lower is more than 20% below the other; with 3, a bid is more than 10% below the mean, the highest bid leaving the mean when it is more than 10% above it, and any bid more than 25% below the estimate is abnormal; with 4 or more, more than 10% below the mean of the bids not more than 10% above the first mean (or of the three lowest, when fewer than three remain). Several bids of one vendor count once, at their lowest price (art. 86.1). An abnormally low price may rest on unpaid or underpaid labor. It is a signal to ask the bidder to explain the price, as EU Directive 2014/24 art. 69 requires before any rejection, never a reason to reject the bid by itself.",
    action: "Ask the bidder to explain the price in writing (labor hours, wage rates, materials, margin) and weigh the answer before award; do not reject the bid on this finding alone.",
    thresholds: &[&ABNORMALLY_LOW_TWO_BIDS, &ABNORMALLY_LOW_MANY_BIDS, &ABNORMALLY_LOW_OUTLIER, &ABNORMALLY_LOW_BELOW_ESTIMATE],
    check: None,
};

/// `identical-prices`
pub static IDENTICAL_PRICES: Rule = Rule {
    id: "identical-prices",
    group: Group::G,
    title: "Identical prices from different vendors",
    severities: &[Severity::Medium],
    citations: &["Open Contracting Partnership red flag (Cardinal R028)"],
    description: "Two different vendors bid exactly the same total, which can mean the bids were prepared together.",
    action: "Check whether the vendors are related (owners, addresses, staff) and ask each how its price was built.",
    thresholds: &[],
    check: None,
};

/// `shared-identity`
pub static SHARED_IDENTITY: Rule = Rule {
    id: "shared-identity",
    group: Group::G,
    title: "Different vendors share an identity",
    severities: &[Severity::High],
    citations: &["Open Contracting Partnership red flag (Cardinal R044 style)"],
    description: "Two different vendors share an identifier, a street address with postal code, an e-mail address, a phone number or a principal. Front companies of one labor broker often bid side by side.",
    action: "Ask both vendors to explain the link; check ownership records before treating their bids as independent.",
    thresholds: &[],
    check: None,
};

/// `single-bid`
pub static SINGLE_BID: Rule = Rule {
    id: "single-bid",
    group: Group::G,
    title: "Only one bid in a competitive procedure",
    severities: &[Severity::Low],
    citations: &["Open Contracting Partnership red flag (Cardinal R018)"],
    description: "An open or selective procedure received a single bid, so there is no price competition to reveal an implausible price.",
    action: "Compare the price with the estimate and past contracts; consider why other vendors did not bid.",
    thresholds: &[],
    check: None,
};
