//! JSON Schemas of the data the API takes and gives, made from the Rust
//! types themselves: `ctip-screen schema` prints a submission's, and
//! `ctip-screen schema --all` every type's. The npm package's TypeScript
//! types are generated from the second (`scripts/gen-types.mjs`), so they
//! cannot drift from what the engine reads and writes.

use schemars::gen::SchemaSettings;
use schemars::schema::{
    InstanceType, Metadata, ObjectValidation, RootSchema, Schema, SchemaObject,
};

/// The JSON Schema of a submission (SPEC.md section 2).
pub fn submission() -> RootSchema {
    schemars::schema_for!(crate::model::Submission)
}

/// Every data type of the API as a definition of one schema with no root
/// type: submissions, assessments, comparisons, policies and their check,
/// the rule catalogue, watch lists and processes read from OCDS.
pub fn all() -> RootSchema {
    let mut gen = SchemaSettings::draft07().into_generator();
    gen.subschema_for::<crate::model::Submission>();
    gen.subschema_for::<crate::assessment::Assessment>();
    gen.subschema_for::<crate::compare::Comparison>();
    gen.subschema_for::<crate::policy::Policy>();
    gen.subschema_for::<crate::policy::PolicyCheck>();
    gen.subschema_for::<crate::rules::RuleInfo>();
    gen.subschema_for::<crate::watchlist::Watchlist>();
    gen.subschema_for::<crate::ocds::Process>();
    let threshold = gen.subschema_for::<crate::policy::Threshold>();
    let mut definitions = gen.take_definitions();
    definitions.insert("Thresholds".to_owned(), thresholds(threshold));
    let meta_schema = gen.settings().meta_schema.clone();
    RootSchema {
        meta_schema,
        schema: SchemaObject {
            metadata: Some(Box::new(Metadata {
                title: Some("ctip-screen data types".to_owned()),
                description: Some(format!(
                    "Every type ctip-screen {} reads and writes, under definitions.",
                    crate::engine::ENGINE_VERSION
                )),
                ..Metadata::default()
            })),
            ..SchemaObject::default()
        },
        definitions,
    }
}

/// The policy's `thresholds`: exactly the names the rules declare
/// ([`crate::policy::ThresholdSpec`]), the required ones required.
fn thresholds(threshold: Schema) -> Schema {
    let mut object = ObjectValidation {
        additional_properties: Some(Box::new(Schema::Bool(false))),
        ..ObjectValidation::default()
    };
    for spec in crate::rules::threshold_specs() {
        object
            .properties
            .insert(spec.name.to_owned(), threshold.clone());
        if !spec.optional {
            object.required.insert(spec.name.to_owned());
        }
    }
    Schema::Object(SchemaObject {
        metadata: Some(Box::new(Metadata {
            description: Some(
                "The numbers the rules read, each declared beside its rule (ThresholdSpec)."
                    .to_owned(),
            ),
            ..Metadata::default()
        })),
        instance_type: Some(InstanceType::Object.into()),
        object: Some(Box::new(object)),
        ..SchemaObject::default()
    })
}
