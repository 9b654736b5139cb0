//! `demographic-targeting`: the trips and near-misses of issue 14.

use crate::audit::testing::{rules_fired, run, Site};
use crate::audit::Settings;
use crate::model::{LegalBasis, RecipientRole};

#[test]
fn demographic_data_for_marketing_is_flagged() {
    let mut s = Site::new();
    s.element("gender", "user.demographic.gender");
    s.use_("gender", "marketing.advertising.first_party.targeted");
    assert_eq!(rules_fired(s), ["demographic-targeting"]);
}

#[test]
fn children_and_health_for_personalisation_are_flagged() {
    let mut s = Site::new();
    s.element("kid_age", "user.childrens");
    s.use_("kid_age", "personalize.content");
    s.element("allergies", "user.health_and_medical");
    let u = s.use_("allergies", "personalize.content.profiling");
    u.legal_basis = Some(LegalBasis::Consent);
    u.necessity = Some(crate::model::Necessity::Optional);
    u.special_category_condition = Some(crate::model::SpecialCategoryCondition::ExplicitConsent);
    let fired: Vec<_> = rules_fired(s)
        .into_iter()
        .filter(|r| *r == "demographic-targeting")
        .collect();
    assert_eq!(fired.len(), 2);
}

#[test]
fn targeting_by_income_is_flagged() {
    let mut s = Site::new();
    s.element("income_band", "user.financial");
    s.use_("income_band", "marketing.advertising.first_party.targeted")
        .legal_basis = Some(LegalBasis::LegitimateInterests);
    assert_eq!(rules_fired(s), ["demographic-targeting"]);
}

#[test]
fn gender_sold_to_a_data_broker_is_flagged() {
    let mut s = Site::new();
    let broker = s.recipient("broker", "NL", "");
    s.cat.recipients[broker].role = Some(RecipientRole::Controller);
    s.element("gender", "user.demographic.gender");
    let u = s.use_("gender", "third_party_sharing");
    u.shared_with = vec![broker];
    u.legal_basis = Some(LegalBasis::Consent);
    u.necessity = Some(crate::model::Necessity::Optional);
    let a = run(s);
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == "demographic-targeting")
        .expect("fires");
    assert!(f.message.contains("a controller"), "{}", f.message);
    assert_eq!(f.origin.to_string(), "content/inventory/data.csv:2");
}

#[test]
fn near_miss_gender_shared_with_a_processor_or_for_a_legal_obligation() {
    let mut s = Site::new();
    let mailer = s.recipient("mailer", "NL", "");
    s.cat.recipients[mailer].dpa_url = Some("https://x.example/dpa".into());
    let tax_office = s.recipient("tax_office", "NL", "");
    s.cat.recipients[tax_office].role = Some(RecipientRole::Controller);
    s.element("gender", "user.demographic.gender");
    s.use_("gender", "third_party_sharing").shared_with = vec![mailer];
    let u = s.use_("gender", "third_party_sharing.legal_obligation");
    u.shared_with = vec![tax_office];
    u.legal_basis = Some(LegalBasis::LegalObligation);
    u.legal_reference = Some("Wet op de loonbelasting".into());
    assert_eq!(rules_fired(s), Vec::<&str>::new());
}

#[test]
fn near_miss_interface_language_profile_and_age_gating() {
    let mut s = Site::new();
    s.element("language", "user.demographic.language");
    s.use_("language", "personalize.system");
    s.use_("language", "personalize.content");
    s.element("preferences", "user.demographic.profile");
    s.use_("preferences", "marketing.advertising.first_party.targeted");
    s.element("birth_date", "user.demographic.date_of_birth");
    s.use_("birth_date", "marketing.advertising.negative_targeting");
    s.element("style_preferences", "user.behavior.browsing_history");
    s.use_(
        "style_preferences",
        "marketing.advertising.first_party.targeted",
    );
    assert!(rules_fired(s).is_empty());
}

#[test]
fn near_miss_demographic_data_for_a_service() {
    let mut s = Site::new();
    s.element("date_of_birth", "user.demographic.date_of_birth");
    s.use_("date_of_birth", "essential.service");
    assert!(rules_fired(s).is_empty());
}

#[test]
fn configured_protected_and_allowed_keys() {
    let site = || {
        let mut s = Site::new();
        s.element("profile", "user.demographic.profile");
        s.use_("profile", "personalize.content");
        s.element("age", "user.demographic.age_range");
        s.use_("age", "personalize.content.limited");
        s
    };
    let mut settings = Settings::default();
    settings.targeting.protected = vec!["user.demographic.profile".into()];
    settings.targeting.allow = vec!["personalize.content.limited".into()];
    let a = crate::audit::audit(&site().finish(), &settings, crate::audit::testing::TODAY);
    let hits: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.rule == "demographic-targeting")
        .map(|f| f.element.as_deref().unwrap_or(""))
        .collect();
    // Listed exactly, the profile is protected; age is no longer protected (the list replaces
    // the default) and its use is allowed anyway.
    assert_eq!(hits, ["profile"]);
}
