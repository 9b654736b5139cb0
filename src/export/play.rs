//! Google Play's Data safety form as the CSV that Play Console imports: every question of
//! the form, answered where the inventory knows the answer (which data types are collected or
//! shared, why, and whether users can decline) and left blank where it does not (encryption
//! in transit, account creation and deletion): those stay for you to answer in Play Console.
//!
//! Sharing follows Play's definition: data sent to a processor (a service provider acting
//! for you) is not "shared"; data sent to a controller, a joint controller or a recipient
//! whose role is not recorded is.

use std::collections::BTreeSet;

use crate::model::{Element, Necessity, RecipientRole, Use};

use super::play_map::{
    lookup, prefixes, PlayType, CATEGORY_MAP, NON_USER_SUBJECTS, PURPOSES, TYPES, USE_MAP,
};
use super::view::View;
use crate::csv_cell::CsvWriter;

pub const HEADER: [&str; 5] = [
    "Question ID (machine readable)",
    "Response ID (machine readable)",
    "Response value",
    "Answer requirement",
    "Human-friendly question label",
];

/// What the inventory says about one Play data type.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Answer {
    pub collected: bool,
    pub shared: bool,
    /// True when any use of it is required (or does not say).
    pub required: bool,
    pub purposes: BTreeSet<&'static str>,
    pub sharing_purposes: BTreeSet<&'static str>,
}

/// The answer for each Play data type (index into [`TYPES`]).
pub fn answers(view: &View) -> Vec<Answer> {
    let mut out = vec![Answer::default(); TYPES.len()];
    for e in view.elements().filter(|e| about_users(e)) {
        let Some(i) = play_type(view, &e.category) else {
            continue;
        };
        for u in view.uses_of(e) {
            let a = &mut out[i];
            let purpose = purpose(view, &u.purpose);
            a.collected = true;
            a.required |= u.necessity != Some(Necessity::Optional);
            a.purposes.insert(purpose);
            if shared(view, u) {
                a.shared = true;
                a.sharing_purposes.insert(purpose);
            }
        }
    }
    out
}

fn about_users(e: &Element) -> bool {
    e.subjects.is_empty()
        || e.subjects
            .iter()
            .any(|s| !NON_USER_SUBJECTS.contains(&s.as_str()))
}

fn lineage<'a>(tree: &'a crate::taxonomy::Tree, key: &'a str) -> impl Iterator<Item = &'a str> {
    tree.lineage(key)
        .map(|t| t.key.as_str())
        .chain(prefixes(key))
}

/// Index into [`TYPES`] of a data category, if it is personal data of app users.
pub fn play_type(view: &View, category: &str) -> Option<usize> {
    let response = lookup(
        CATEGORY_MAP,
        lineage(&view.catalog.taxonomy.categories, category),
    )?;
    TYPES.iter().position(|t| t.response == response)
}

pub fn purpose(view: &View, data_use: &str) -> &'static str {
    lookup(USE_MAP, lineage(&view.catalog.taxonomy.uses, data_use))
        .unwrap_or("PSL_APP_FUNCTIONALITY")
}

fn shared(view: &View, u: &Use) -> bool {
    u.shared_with
        .iter()
        .any(|&r| view.catalog.recipients[r].role != Some(RecipientRole::Processor))
}

pub fn export(view: &View) -> Result<String, csv::Error> {
    let answers = answers(view);
    let any = answers.iter().any(|a| a.collected);
    let mut w = CsvWriter::new();
    w.write_record(HEADER)?;
    let mut row =
        |q: &str, r: &str, v: &str, req: &str, label: &str| w.write_record([q, r, v, req, label]);
    let yes = |b: bool| if b { "true" } else { "" };

    row(
        "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA",
        "",
        if any { "true" } else { "false" },
        "REQUIRED",
        "Does your app collect or share any of the required user data types?",
    )?;
    row(
        "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT",
        "",
        "",
        "MAYBE_REQUIRED",
        "Is all of the user data collected by your app encrypted in transit?",
    )?;
    for (id, label) in [
        ("PSL_ACM_USER_ID_PASSWORD", "Username and password"),
        (
            "PSL_ACM_USER_ID_OTHER_AUTH",
            "Username and other authentication",
        ),
        (
            "PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH",
            "Username, password, and other authentication",
        ),
        ("PSL_ACM_OAUTH", "OAuth"),
        ("PSL_ACM_OTHER", "Other"),
        (
            "PSL_ACM_NONE",
            "My app does not allow users to create an account",
        ),
    ] {
        row("PSL_SUPPORTED_ACCOUNT_CREATION_METHODS", id, "", "MULTIPLE_CHOICE", &format!("Which of the following methods of account creation does your app support? / {label}"))?;
    }
    row(
        "PSL_ACM_SPECIFY",
        "",
        "",
        "MAYBE_REQUIRED",
        "Describe the method of account creation that your app supports",
    )?;
    row(
        "PSL_ACCOUNT_DELETION_URL",
        "",
        "",
        "MAYBE_REQUIRED",
        "Link users can use to request that their account and associated data is deleted",
    )?;
    for (id, label) in [
        ("DATA_DELETION_YES", "Yes"),
        ("DATA_DELETION_NO", "No"),
        (
            "DATA_DELETION_NO_AUTO_DELETED",
            "No, but user data is automatically deleted within 90 days",
        ),
    ] {
        row(
            "PSL_SUPPORT_DATA_DELETION_BY_USER",
            id,
            "",
            "SINGLE_CHOICE",
            &format!(
                "Do you provide a way for users to request that their data is deleted? / {label}"
            ),
        )?;
    }
    row(
        "PSL_DATA_DELETION_URL",
        "",
        "",
        "MAYBE_REQUIRED",
        "Delete data URL",
    )?;
    row("PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY", "", "", "OPTIONAL", "Do you want to show your commitment to the Google Play Families Policy in your Data safety section?")?;
    row(
        "PSL_INDEPENDENTLY_VALIDATED",
        "",
        "",
        "OPTIONAL",
        "Has your app completed an independent security review (MASA)?",
    )?;
    row(
        "PSL_UPI_BADGE_OPT_IN",
        "",
        "",
        "OPTIONAL",
        "Do you want to show this badge on your store listing?",
    )?;
    row(
        "PSL_HAS_OUTSIDE_APP_ACCOUNTS",
        "",
        "",
        "OPTIONAL",
        "Can users login to your app with accounts created outside of the app?",
    )?;
    for (id, label) in [
        ("PSL_LOGIN_WITH_OUTSIDE_APP_ID", "Out of app identification"),
        (
            "PSL_LOGIN_THROUGH_EMPLOYMENT_OR_ENTERPRISE_ACCOUNT",
            "Through employment, or enterprise accounts",
        ),
        ("PSL_OUTSIDE_APP_ACCOUNT_TYPE_OTHER", "Other"),
    ] {
        row(
            "PSL_OUTSIDE_APP_ACCOUNT_TYPES",
            id,
            "",
            "MULTIPLE_CHOICE",
            &format!("How are these accounts created? / {label}"),
        )?;
    }
    row(
        "PSL_OUTSIDE_APP_ACCOUNT_TYPE_SPECIFY",
        "",
        "",
        "MAYBE_REQUIRED",
        "Describe how these accounts are created",
    )?;

    for (t, a) in TYPES.iter().zip(&answers) {
        row(
            t.question,
            t.response,
            yes(a.collected),
            "MULTIPLE_CHOICE",
            &format!("{} / {}", t.section, t.label),
        )?;
    }
    for (t, a) in TYPES.iter().zip(&answers) {
        usage_rows(t, a, &mut row)?;
    }
    w.finish()
}

type Row<'r> = dyn FnMut(&str, &str, &str, &str, &str) -> Result<(), csv::Error> + 'r;

/// The "data usage and handling" questions of one data type.
fn usage_rows(t: &PlayType, a: &Answer, row: &mut Row) -> Result<(), csv::Error> {
    let yes = |b: bool| if b { "true" } else { "" };
    let q = |suffix: &str| format!("PSL_DATA_USAGE_RESPONSES:{}:{suffix}", t.response);
    let label = |rest: &str| format!("Data usage and handling ({}) / {rest}", t.label);
    let both = "PSL_DATA_USAGE_COLLECTION_AND_SHARING";
    row(
        &q(both),
        "PSL_DATA_USAGE_ONLY_COLLECTED",
        yes(a.collected),
        "MULTIPLE_CHOICE",
        &label("Is this data collected, shared, or both? / Collected"),
    )?;
    row(
        &q(both),
        "PSL_DATA_USAGE_ONLY_SHARED",
        yes(a.shared),
        "MULTIPLE_CHOICE",
        &label("Is this data collected, shared, or both? / Shared"),
    )?;
    let ephemeral = if a.collected { "false" } else { "" };
    row(
        &q("PSL_DATA_USAGE_EPHEMERAL"),
        "",
        ephemeral,
        "MAYBE_REQUIRED",
        &label("Is this data processed ephemerally?"),
    )?;
    let control = "DATA_USAGE_USER_CONTROL";
    let choice = "Is this data required for your app, or can users choose whether it's collected?";
    row(
        &q(control),
        "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL",
        yes(a.collected && !a.required),
        "SINGLE_CHOICE",
        &label(&format!(
            "{choice} / Users can choose whether this data is collected"
        )),
    )?;
    row(
        &q(control),
        "PSL_DATA_USAGE_USER_CONTROL_REQUIRED",
        yes(a.collected && a.required),
        "SINGLE_CHOICE",
        &label(&format!("{choice} / Data collection is required")),
    )?;
    for (id, name) in PURPOSES {
        row(
            &q("DATA_USAGE_COLLECTION_PURPOSE"),
            id,
            yes(a.purposes.contains(id)),
            "MULTIPLE_CHOICE",
            &label(&format!("Why is this user data collected? / {name}")),
        )?;
    }
    for (id, name) in PURPOSES {
        row(
            &q("DATA_USAGE_SHARING_PURPOSE"),
            id,
            yes(a.sharing_purposes.contains(id)),
            "MULTIPLE_CHOICE",
            &label(&format!("Why is this user data shared? / {name}")),
        )?;
    }
    Ok(())
}
