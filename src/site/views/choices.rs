//! What a reader can do about each use, in words derived from its legal basis and necessity
//! (withdraw consent, object, or why they cannot say no), and who "you" is: data about
//! people the site does not speak to (staff, job applicants) is worded for them.

use serde::Serialize;

use crate::model::{ElementIdx, LegalBasis, Necessity, UseIdx};

use super::{urls, words, Ctx};

/// The groups of people an element is about, when the site does not address them as "you"
/// (none of its subjects is in `audience_subjects`).
#[derive(Debug, Clone)]
pub struct Others {
    /// "Staff and job applicants", to start a sentence or head a page.
    pub title: String,
    /// "staff and job applicants", inside a sentence.
    pub text: String,
}

/// A value in words that depend on whom the data is about, with its register key.
#[derive(Debug, Serialize)]
pub struct Phrase {
    pub key: &'static str,
    pub text: String,
}

/// Where and how a reader exercises a right: the request form, an email address and the
/// rights page.
#[derive(Debug, Serialize)]
pub struct Ask<'a> {
    /// `[rights] url` (only an `http(s)` address).
    pub form: Option<&'a str>,
    /// `[rights] email`, else `[contact] email`.
    pub email: Option<&'a str>,
    /// The rights page, relative to the root.
    pub rights: &'a str,
}

pub(super) fn ask(ctx: Ctx<'_>) -> Ask<'_> {
    let config = &ctx.catalog.config;
    Ask {
        form: given(&config.rights.url).filter(|u| words::is_web_url(u)),
        email: given(&config.rights.email).or_else(|| given(&config.contact.email)),
        rights: &ctx.site.rights.href,
    }
}

/// A configured text, when it says something.
pub(super) fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The name of a subject group inside a sentence: `[names]`, else the built-in in-text name,
/// else its page name.
pub(super) fn subject_in_text(ctx: Ctx<'_>, key: &str) -> String {
    let c = ctx.catalog;
    if let Some(n) = c.config.names.get(key).filter(|n| !n.trim().is_empty()) {
        return n.trim().to_string();
    }
    let builtin = c
        .taxonomy
        .subjects
        .get(key)
        .filter(|t| !t.extension)
        .and_then(|_| crate::i18n::names::plain(ctx.lang().code, "subjects_in_text", key));
    builtin.map_or_else(|| c.taxonomy.subjects.name(key).to_string(), str::to_string)
}

/// Whether the public pages that speak to "you" (home, data index) list an element: it is
/// about no one in particular, or about one of `audience_subjects`. Internal builds list all.
pub(super) fn for_audience(ctx: Ctx<'_>, e: ElementIdx) -> bool {
    let c = ctx.catalog;
    let subjects = &c.elements[e].subjects;
    ctx.internal()
        || subjects.is_empty()
        || subjects.iter().any(|s| c.config.is_audience_subject(s))
}

/// The element's groups, when the site does not speak to any of them (see [`Others`]).
pub(super) fn others(ctx: Ctx<'_>, e: ElementIdx) -> Option<Others> {
    let c = ctx.catalog;
    let subjects = &c.elements[e].subjects;
    if subjects.is_empty() || subjects.iter().any(|s| c.config.is_audience_subject(s)) {
        return None;
    }
    let and = ctx.lang().get("words.and");
    let sep = ctx.lang().get("meta.list_sep");
    let join = |parts: Vec<String>| match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}{and}{last}", rest.join(sep)),
        _ => parts.concat(),
    };
    let text: Vec<String> = subjects.iter().map(|s| subject_in_text(ctx, s)).collect();
    let mut title = text.clone();
    title[0] = c.taxonomy.subjects.name(&subjects[0]).to_string();
    Some(Others {
        title: join(title),
        text: join(text),
    })
}

/// Whether a purpose is direct marketing, where an objection always stops the use
/// (GDPR Art. 21(2)).
pub(super) fn direct_marketing(purpose: &str) -> bool {
    [
        "marketing.communications",
        "marketing.advertising.first_party",
    ]
    .iter()
    .any(|p| crate::config::key_within(purpose, p))
}

/// What the reader can do about a use, in one sentence; `None` when the register says
/// neither the basis nor the necessity.
pub(super) fn choice(ctx: Ctx<'_>, u: UseIdx, others: Option<&Others>) -> Option<String> {
    phrase(ctx, u, others, "choices", "choices.others")
}

/// [`choice`] in a few words ("No: needed for our contract"), for a listing's table; the
/// element page gives the whole sentence.
pub(super) fn short_choice(ctx: Ctx<'_>, u: UseIdx, others: Option<&Others>) -> Option<String> {
    phrase(ctx, u, others, "choices.short", "choices.short_others")
}

/// The choice of use `u` from the table `mine` (the site speaks to its people) or `theirs`.
fn phrase(
    ctx: Ctx<'_>,
    u: UseIdx,
    others: Option<&Others>,
    mine: &str,
    theirs: &str,
) -> Option<String> {
    let use_ = &ctx.catalog.uses[u];
    let key = match (use_.legal_basis, use_.necessity) {
        (Some(LegalBasis::Consent), _) => "withdraw",
        (Some(LegalBasis::LegitimateInterests), _) if direct_marketing(&use_.purpose) => {
            "object_marketing"
        }
        (Some(LegalBasis::LegitimateInterests), _) => "object",
        (Some(LegalBasis::PublicTask), _) => "public_task",
        (_, Some(Necessity::Optional)) => "optional",
        (Some(LegalBasis::Contract), _) => "contract",
        (Some(LegalBasis::LegalObligation), _) => "legal_obligation",
        (Some(LegalBasis::VitalInterests), _) => "vital_interests",
        (None, Some(Necessity::Required)) => "required",
        (None, None) => return None,
    };
    let l = ctx.lang();
    Some(match others {
        None => l.get(&format!("{mine}.{key}")).to_string(),
        Some(o) => l.fill(
            &format!("{theirs}.{key}"),
            &[("who", &o.text), ("Who", &o.title)],
        ),
    })
}

/// The legal basis in words; consent and contract name the people when the site does not
/// speak to them ("Needed for our contract with staff", never "with you").
pub(super) fn basis(ctx: Ctx<'_>, b: LegalBasis, others: Option<&Others>) -> Phrase {
    let key = words::legal_basis_key(b);
    let text = match (b, others) {
        (LegalBasis::Consent | LegalBasis::Contract, Some(o)) => ctx
            .lang()
            .fill(&format!("words.others_{key}"), &[("who", &o.text)]),
        _ => words::legal_basis(ctx.lang(), b).to_string(),
    };
    Phrase { key, text }
}

/// The page of a subject group, relative to the root.
pub fn subject_href(key: &str) -> String {
    format!("subjects/{}/index.html", urls::slug(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marketing_keys_are_direct_marketing_and_others_are_not() {
        assert!(direct_marketing("marketing.communications.email"));
        assert!(direct_marketing(
            "marketing.advertising.first_party.targeted"
        ));
        assert!(!direct_marketing("marketing.advertising.third_party"));
        assert!(!direct_marketing("marketing.communicationsx"));
        assert!(!direct_marketing("essential.service"));
    }
}
