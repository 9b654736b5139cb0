//! JSON Schemas (draft-07) of `candor.toml` and of model card front matter, written by hand
//! from the loaders' rules. Editors validate against them; `docs/formats.md` shows the tables
//! [`docs::fields_table`] makes from them; tests hold both to the code.

pub mod docs;

use serde_json::{json, Value};

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// The schemas' `$id`s: stable names (URNs) rather than URLs, since where candor is hosted is
/// not fixed; the `#:schema` line of a candor.toml points editors at the written file.
pub const CONFIG_ID: &str = "urn:candor:schema:candor-toml:1";
pub const MODEL_CARD_ID: &str = "urn:candor:schema:model-card:1";

/// A key as candor reads one: no white space, no quotes (`"a key"` is not a taxonomy key).
const KEY_NAME: &str = "^[^\\s\"']+$";

/// The rule ids `[audit.rules]` and exceptions accept: every rule, and the old ids.
fn rule_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = crate::audit::RULES.iter().map(|r| r.id).collect();
    ids.push(crate::audit::rules::SENSITIVE_BASIS);
    ids
}

fn text(description: &str) -> Value {
    json!({"type": "string", "description": description})
}

fn one_of(values: &[&str], description: &str) -> Value {
    json!({"type": "string", "enum": values, "description": description})
}

fn date(description: &str) -> Value {
    json!({"type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": description})
}

/// A list of text; one text alone counts as a list of one.
fn text_list(description: &str) -> Value {
    json!({
        "description": description,
        "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}, {"type": "null"}]
    })
}

fn table(description: &str, properties: Value) -> Value {
    json!({"type": "object", "description": description, "additionalProperties": false, "properties": properties})
}

/// `contact`: a table, or one text that candor reads as the email (with `@` and no `://`) or
/// as the contact page (`http(s)://`); any other text is an error.
fn contact() -> Value {
    json!({
        "description": "how to reach the privacy team: a table, or an email address (or an `http(s)://` contact page) alone, `contact = \"privacy@example.com\"`",
        "anyOf": [
            {
                "type": "string",
                "description": "an email address, or the URL of a contact page",
                // candor reads a text with `@` and no `://` as the email, one starting
                // with `http(s)://` as the page, and rejects any other text.
                "anyOf": [{"pattern": "^https?://"}, {"pattern": "@", "not": {"pattern": "://"}}]
            },
            table("how to reach the privacy team", json!({
                "email": text("contact email address"),
                "url": text("contact page"),
                "address": text("postal address"),
                "phone": text("phone number"),
                "dpo": text("data protection officer, by name or role")
            }))
        ]
    })
}

/// `candor.toml`.
pub fn config() -> Value {
    let taxon = |example: &str| {
        json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["key", "name"],
            "properties": {
                "key": text(&format!("the new key, e.g. `{example}`")),
                "name": text("display name"),
                "parent": text("the key it sits under: the key without its last part (the default), as fideslang requires; any other parent is an error"),
                "description": text("what it means"),
                "sensitive": {"type": "boolean", "description": "for a data category: count it as special-category data in the audit"}
            }
        })
    };
    let codes: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|l| l.0).collect();
    let language_pattern = format!("^({})(-[A-Za-z0-9]{{1,8}})*$", codes.join("|"));
    let extensions = |what: &str, example: &str| json!({"type": "array", "items": taxon(example), "description": format!("extra {what} keys beyond fideslang")});
    let mut schema = json!({
        "$schema": DRAFT,
        "$id": CONFIG_ID,
        "title": "candor.toml",
        "description": "Configuration of a candor site: see docs/formats.md.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "title": text("site title"),
            "organisation": text("the organisation publishing the site (the controller)"),
            "organization": text("the same as `organisation` (US spelling); set one of the two"),
            "description": text("one or two sentences shown on the home page"),
            "base_url": text("empty, or the absolute `http(s)://` URL the site is published at, for sitemap.xml and the Atom feed"),
            "language": {"type": "string", "pattern": language_pattern, "description": "language of the interface text: `en` (default) or `de`, optionally with a region (`de-AT`); content stays as written"},
            "audience": one_of(&["public", "internal"], "default audience of `build` and `export`. `internal` is taken by `build` only when `--output DIR` is named (a plain `candor build` writes `public/`, so it is an error there: pass `--audience internal` to mean it); every internal build ends with a warning naming its output folder"),
            "audience_subjects": {"type": "array", "items": {"type": "string", "pattern": KEY_NAME}, "description": "the data subject keys the public site speaks to as \"you\" (default: customer, consumer, user, anonymous_user, visitor, prospect, patient, passenger, commuter, citizen_voter, member, subscriber): the home page and data index show their data, data about other groups (staff, job applicants) is on its group's page and labelled with it"},
            "security_measures": text("the technical and organisational security measures in general terms, for the record of processing"),
            "contact": contact(),
            "controller": table("controller details for the record of processing (the name is `organisation`, the contact `[contact]`, the DPO `contact.dpo`)", json!({
                "representative": text("the representative in the Union (GDPR Art. 27), name and contact, for a controller established outside it"),
                "joint_controllers": {"type": "array", "items": {"type": "string"}, "description": "joint controllers (GDPR Art. 26), each by name and contact"}
            })),
            "rights": table("where people exercise their rights (access, erasure, objection, ...)", json!({
                "url": text("a web form or page for requests"),
                "email": text("email address for requests"),
                "phone": text("phone number for requests"),
                "address": text("postal address for requests")
            })),
            "names": {
                "type": "object",
                "description": "plain-language names shown instead of taxonomy names, by taxonomy key (data category, use or subject)",
                "propertyNames": {"pattern": KEY_NAME},
                "additionalProperties": {"type": "string", "minLength": 1}
            },
            "branding": table("look of the site", json!({
                "logo": text("path of a logo under `static/`"),
                "accent_color": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$", "description": "accent colour as `#rrggbb`"}
            })),
            "review": table("review cadence", json!({
                "max_age_days": {"type": "integer", "minimum": 0, "description": "a use or model card reviewed longer ago than this is overdue (default 365)"}
            })),
            "audit": table("audit settings", json!({
                "fail_on": one_of(&["error", "warning", "never"], "lowest severity that makes `check` exit 1"),
                "rules": {
                    "type": "object",
                    "description": "severity of each audit rule, by rule id",
                    "propertyNames": {"enum": rule_ids()},
                    "additionalProperties": one_of(&["error", "warning", "info", "off"], "severity")
                },
                "exceptions": {
                    "type": "array",
                    "description": "findings the organisation accepts",
                    "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["rule", "reason"],
                        "properties": {
                            "rule": {"type": "string", "enum": rule_ids(), "description": "the audit rule id"},
                            "element": text("the element it applies to"),
                            "model": text("the model card it applies to"),
                            "reason": {"type": "string", "pattern": "\\S", "description": "why the finding is accepted"},
                            "expires": date("when to look again, `YYYY-MM-DD`")
                        }
                    }
                },
                "max_group_gap": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.05, "description": "largest allowed gap between a group's metric and the overall one (default 0.05)"},
                "max_exception_days": {"type": "integer", "minimum": 0, "default": 365, "description": "an accepted exception must expire within this many days (default 365)"},
                "targeting": table("what counts as targeting by protected traits", json!({
                    "protected": {"type": "array", "items": {"type": "string"}, "default": ["user.demographic", "user.financial", "user.location.precise"], "description": "data category keys of protected traits, each covering the keys under it; special categories are always protected, `user.demographic.language` and `user.demographic.profile` only when named"},
                    "allow": {"type": "array", "items": {"type": "string"}, "default": ["marketing.advertising.negative_targeting", "personalize.system"], "description": "data use keys that never count as targeting (protective or neutral uses), each covering the keys under it"}
                })),
                "retention_max": {
                    "type": "object",
                    "description": "longest allowed retention by data category key (a key covers those under it; `*` every category) as an ISO 8601 duration (default `\"*\" = \"P10Y\"`)",
                    "default": {"*": "P10Y"},
                    "propertyNames": {"pattern": KEY_NAME},
                    "additionalProperties": {"type": "string", "pattern": "^[Pp](\\d+[YyMmWwDd])+$"}
                }
            })),
            "evidence": {
                "type": "object",
                "description": "code-scanner reports (docs/evidence.md): `map`, and one table per evidence file by its file name, with `systems` (ids from systems.csv it covers; default: all) and `scanned` (YYYY-MM-DD)",
                "properties": {
                    "map": {
                        "type": "object",
                        "description": "scanner data type -> data category key, beyond or instead of the built-in table",
                        "additionalProperties": {"type": "string"}
                    }
                },
                "additionalProperties": table("one evidence file, by its file name (`[evidence.\"bearer.json\"]`)", json!({
                    "systems": {"type": "array", "items": {"type": "string"}, "description": "ids from systems.csv the scanned code belongs to (default: all)"},
                    "scanned": date("when the scan ran")
                }))
            },
            "taxonomy": table("taxonomy extensions", json!({
                "data_categories": extensions("data category", "user.behavior.stated_preferences"),
                "data_uses": extensions("data use", "personalize.content.stated_interests"),
                "data_subjects": extensions("data subject", "member")
            }))
        }
    });
    // `organization` is an alias of `organisation`: serde rejects a file that sets both.
    schema["not"] = json!({"required": ["organisation", "organization"]});
    schema
}

/// The YAML front matter of `content/models/*.md`.
pub fn model_card() -> Value {
    let dataset = |what: &str| {
        table(
            what,
            json!({
                "description": text("what the data is"),
                "elements": text_list("inventory element ids it contains")
            }),
        )
    };
    json!({
        "$schema": DRAFT,
        "$id": MODEL_CARD_ID,
        "title": "candor model card front matter",
        "description": "YAML front matter of content/models/*.md (Mitchell et al. 2019): see docs/formats.md. Other keys are kept and shown on internal builds.",
        "type": "object",
        "additionalProperties": true,
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$", "description": "stable id and page URL (default: the file name without `.md`)"},
            "name": text("display name (default: the id)"),
            "version": text("version; quote it, since 1.10 is not 1.1"),
            "status": one_of(&["production", "pilot", "retired"], "where the model is in its life"),
            "owners": text_list("accountable teams or people"),
            "summary": text("one or two sentences on what it does"),
            "model_type": text("kind of model, e.g. gradient-boosted trees"),
            "intended_use": text("what it is for"),
            "out_of_scope_uses": text_list("uses it must not be put to"),
            "inputs": text_list("inventory element ids it takes as input"),
            "excluded_inputs": text_list("element ids deliberately not used (say why in the body)"),
            "training_data": dataset("the data it was trained on"),
            "evaluation_data": dataset("the data it was evaluated on"),
            "metrics": {
                "type": "array",
                "description": "evaluation results, overall and per group",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name", "value"],
                    "properties": {
                        "name": text("metric name, e.g. precision_at_10"),
                        "value": {"type": "number", "description": "the result"},
                        "slice": text("the group it was measured on (`all` or none: everyone)"),
                        "ci": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2, "description": "confidence interval `[low, high]`"},
                        "dataset": text("the data set it was measured on"),
                        "split": text("the split of that data set, e.g. test")
                    }
                }
            },
            "limitations": text_list("known limitations"),
            "ethical_considerations": {
                "type": "array",
                "description": "risks and how they are mitigated",
                "items": {
                    "anyOf": [
                        {"type": "string"},
                        {
                            "type": "object",
                            "required": ["risk"],
                            "properties": {
                                "risk": text("the risk"),
                                "mitigation": text("what is done about it")
                            }
                        }
                    ]
                }
            },
            "human_oversight": text("how people oversee its decisions (AI Act Art. 14, GDPR Art. 22(3))"),
            "purposes": text_list("data-use keys of the taxonomy the model serves, e.g. personalize.content"),
            "risk_class": one_of(&["prohibited", "high", "limited", "minimal"], "EU AI Act risk class"),
            "annex_iii": one_of(&["biometrics", "critical_infrastructure", "education", "employment", "essential_services", "law_enforcement", "migration", "justice"], "the AI Act Annex III area of a high-risk model"),
            "decisions": one_of(&["none", "assists", "automated"], "whether it decides nothing about people, assists a person who decides, or decides by itself"),
            "significant_effect": {"type": "boolean", "description": "whether a decision has a legal or similarly significant effect on a person (GDPR Art. 22)"},
            "license": text("licence of the model"),
            "last_reviewed": date("date of the last review, `YYYY-MM-DD`"),
            "internal": {"description": "anything, e.g. `{ notes: ..., risk_owner: ... }`: never published on a public build"}
        }
    })
}

#[cfg(test)]
mod tests;
