//! "Your rights": each GDPR right (Art. 15–22), which of the site's uses it applies to
//! (computed from their legal bases), and how to exercise it (`[rights]`, `[contact]`).

use serde::Serialize;

use crate::model::{Decisions, LegalBasis, UseIdx};

use super::choices;
use super::{Ctx, Link};

#[derive(Debug, Serialize)]
pub struct RightsView<'a> {
    pub title: String,
    /// The free rights page's Markdown, when it has `extend: true` (heads the page).
    pub intro: Option<&'a str>,
    pub how: How<'a>,
    pub rights: Vec<RightView<'a>>,
}

/// The channels for a request, `[rights]` first and `[contact]` as the fallback.
#[derive(Debug, Serialize)]
pub struct How<'a> {
    /// Only an `http(s)` address.
    pub form: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub address: Option<&'a str>,
}

/// One right.
#[derive(Debug, Serialize)]
pub struct RightView<'a> {
    /// `access`, `rectification`, `erasure`, `restriction`, `portability`, `object`,
    /// `automated` (the anchor `right-<key>`).
    pub key: &'static str,
    /// "Art. 15".
    pub article: &'static str,
    pub title: String,
    pub text: String,
    /// "Every use of data on this site (42 uses)", "5 uses", or that none is covered.
    pub applies: String,
    /// The uses it covers, when it does not cover all of them (up to [`LISTED`]).
    pub uses: Vec<UseRef<'a>>,
    /// Beyond [`LISTED`] uses: the purposes it covers, with how many uses each.
    pub purposes: Vec<PurposeCount<'a>>,
    /// Uses it does not cover although others are ("Not to 3 uses the law requires").
    pub not_for_label: Option<String>,
    pub not_for: Vec<UseRef<'a>>,
    /// Models that decide without a person (Art. 22).
    pub models: Vec<ModelRef<'a>>,
}

/// A use in a right's list: the element, what for, and whether an objection always stops it.
#[derive(Debug, Serialize)]
pub struct UseRef<'a> {
    pub element: Link<'a>,
    pub purpose: &'a str,
    /// Direct marketing on legitimate interests: an objection always stops it (Art. 21(2)).
    pub absolute: bool,
}

/// A purpose a right covers, when there are too many uses to list.
#[derive(Debug, Serialize)]
pub struct PurposeCount<'a> {
    pub purpose: super::TaxonRef<'a>,
    /// "12 uses".
    pub count: String,
}

/// The most uses a right lists one by one; beyond, it lists purposes with counts.
pub const LISTED: usize = 200;

#[derive(Debug, Serialize)]
pub struct ModelRef<'a> {
    pub link: Link<'a>,
    pub significant: bool,
}

/// The rights, in the order of the GDPR, with what each applies to.
const RIGHTS: &[(&str, &str)] = &[
    ("access", "Art. 15"),
    ("rectification", "Art. 16"),
    ("erasure", "Art. 17"),
    ("restriction", "Art. 18"),
    ("portability", "Art. 20"),
    ("object", "Art. 21"),
    ("automated", "Art. 22"),
];

/// Whether right `key` applies to a use on basis `b` (`None` for a use with no basis).
fn covers(key: &str, b: Option<LegalBasis>) -> bool {
    use LegalBasis::*;
    match key {
        // Art. 17(3)(b): no erasure of what the law or a public task requires.
        "erasure" => !matches!(b, Some(LegalObligation | PublicTask)),
        // Art. 20(1)(a): consent or contract, processed by automated means.
        "portability" => matches!(b, Some(Consent | Contract)),
        // Art. 21(1): legitimate interests or a public task.
        "object" => matches!(b, Some(LegitimateInterests | PublicTask)),
        "automated" => false,
        _ => true,
    }
}

pub(super) fn rights(ctx: Ctx<'_>) -> RightsView<'_> {
    let c = ctx.catalog;
    let l = ctx.lang();
    let uses: Vec<UseIdx> = ctx.site.scope.uses().collect();
    let use_ref = |u: UseIdx| {
        let use_ = &c.uses[u];
        UseRef {
            element: ctx.element_link(use_.element),
            purpose: c.taxonomy.uses.name(&use_.purpose),
            absolute: use_.legal_basis == Some(LegalBasis::LegitimateInterests)
                && choices::direct_marketing(&use_.purpose),
        }
    };
    let models: Vec<ModelRef> = c
        .models
        .iter()
        .enumerate()
        .filter(|(_, m)| m.decisions == Some(Decisions::Automated))
        .filter_map(|(i, m)| {
            Some(ModelRef {
                link: super::element::model_link(ctx, i)?,
                significant: m.significant_effect == Some(true),
            })
        })
        .collect();
    let rights = RIGHTS
        .iter()
        .map(|&(key, article)| {
            let (yes, no): (Vec<UseIdx>, Vec<UseIdx>) = uses
                .iter()
                .partition(|&&u| covers(key, c.uses[u].legal_basis));
            let all = no.is_empty() && !yes.is_empty();
            let applies = if key == "automated" {
                if models.is_empty() {
                    l.get("rights.applies_none").to_string()
                } else {
                    l.get("rights.models").to_string()
                }
            } else if all {
                l.count("rights.applies_all", yes.len())
            } else if yes.is_empty() {
                l.get("rights.applies_none").to_string()
            } else {
                l.count("rights.applies_some", yes.len())
            };
            let listed = !all && key != "erasure" && yes.len() <= LISTED;
            let by_purpose = !all && key != "erasure" && yes.len() > LISTED;
            let purposes = if by_purpose {
                let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
                for &u in &yes {
                    *counts.entry(c.uses[u].purpose.as_str()).or_default() += 1;
                }
                counts
                    .into_iter()
                    .map(|(p, n)| PurposeCount {
                        purpose: ctx.purpose(p),
                        count: l.count("rights.applies_some", n),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let not_for = key == "erasure" && !no.is_empty();
            RightView {
                key,
                article,
                title: l.get(&format!("rights.{key}_title")).to_string(),
                text: l.get(&format!("rights.{key}_text")).to_string(),
                applies,
                uses: if listed {
                    yes.into_iter().map(use_ref).collect()
                } else {
                    Vec::new()
                },
                purposes,
                not_for_label: not_for.then(|| l.count("rights.not_for", no.len())),
                not_for: if not_for {
                    no.into_iter().take(LISTED).map(use_ref).collect()
                } else {
                    Vec::new()
                },
                models: if key == "automated" {
                    models
                        .iter()
                        .map(|m| ModelRef {
                            link: Link {
                                name: m.link.name,
                                href: m.link.href.clone(),
                            },
                            significant: m.significant,
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let plan = &ctx.site.rights;
    let page = plan.page.and_then(|p| c.pages.get(p));
    let config = &c.config;
    let given = choices::given;
    RightsView {
        title: page.map_or_else(|| l.get("titles.rights").to_string(), |p| p.title.clone()),
        intro: page.map(|p| p.body.as_str()),
        how: How {
            form: given(&config.rights.url)
                .or_else(|| given(&config.contact.url))
                .filter(|u| super::words::is_web_url(u)),
            email: given(&config.rights.email).or_else(|| given(&config.contact.email)),
            phone: given(&config.rights.phone).or_else(|| given(&config.contact.phone)),
            address: given(&config.rights.address).or_else(|| given(&config.contact.address)),
        },
        rights,
    }
}
