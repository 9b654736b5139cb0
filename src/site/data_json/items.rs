//! The elements of `data.json`, each written with its visible uses as it is produced.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::model::{Catalog, Element, Use};
use crate::site::Site;

use super::safe::{Seq, Text};

/// One element with its visible uses.
pub(super) struct ElementJson<'a> {
    pub(super) c: &'a Catalog,
    pub(super) site: &'a Site<'a>,
    pub(super) el: &'a Element,
}

/// One visible use of an element.
struct UseJson<'a> {
    c: &'a Catalog,
    site: &'a Site<'a>,
    use_: &'a Use,
}

impl Serialize for ElementJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (c, el, scope) = (self.c, self.el, &self.site.scope);
        let owner = el.owner.as_deref().filter(|_| scope.internal());
        let mut m = s.serialize_struct("ElementJson", 10 + usize::from(owner.is_some()))?;
        m.serialize_field("id", &el.id)?;
        m.serialize_field("name", &el.name)?;
        m.serialize_field("category", &el.category)?;
        m.serialize_field("category_name", c.taxonomy.categories.name(&el.category))?;
        m.serialize_field("sensitive", &c.taxonomy.is_sensitive(&el.category))?;
        m.serialize_field("subjects", &el.subjects)?;
        m.serialize_field("source", &el.source)?;
        let systems = el.systems.iter().filter(|&&s| scope.system(s));
        let systems = Seq(|| systems.clone().map(|&s| c.systems[s].id.as_str()));
        m.serialize_field("systems", &systems)?;
        if let Some(owner) = owner {
            m.serialize_field("owner", owner)?;
        }
        let uses = Seq(|| {
            scope.filter_uses(&el.uses).map(|u| UseJson {
                c,
                site: self.site,
                use_: &c.uses[u],
            })
        });
        m.serialize_field("uses", &uses)?;
        let models = Seq(|| {
            el.models
                .iter()
                .filter_map(|&m| c.models.get(m))
                .map(|m| &m.id)
        });
        m.serialize_field("models", &models)?;
        m.end()
    }
}

impl Serialize for UseJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (c, u, scope) = (self.c, self.use_, &self.site.scope);
        let internal = scope.internal();
        let notes = u.notes.as_deref().filter(|_| internal);
        let extra = (internal && !u.extra.is_empty()).then_some(&u.extra);
        let len = 8 + usize::from(internal) + usize::from(notes.is_some());
        let mut m = s.serialize_struct("UseJson", len + usize::from(extra.is_some()))?;
        m.serialize_field("purpose", &u.purpose)?;
        m.serialize_field("purpose_name", c.taxonomy.uses.name(&u.purpose))?;
        m.serialize_field("why", &u.why)?;
        m.serialize_field("legal_basis", &u.legal_basis)?;
        m.serialize_field("necessity", &u.necessity)?;
        let retention = u.retention.filter(|&p| scope.policy(p));
        m.serialize_field("retention", &retention.map(|p| &c.retention[p].id))?;
        let shared = u.shared_with.iter().filter(|&&r| scope.recipient(r));
        let shared = Seq(|| shared.clone().map(|&r| c.recipients[r].id.as_str()));
        m.serialize_field("shared_with", &shared)?;
        m.serialize_field("last_reviewed", &u.last_reviewed.map(Text))?;
        // v2 facts: present only when recorded, so older sites' data.json is unchanged.
        if let Some(condition) = u.special_category_condition {
            m.serialize_field("special_category_condition", &condition)?;
        }
        if let Some(reference) = &u.legal_reference {
            m.serialize_field("legal_reference", reference)?;
        }
        if let Some(opt_out) = &u.opt_out {
            m.serialize_field("opt_out", opt_out)?;
        }
        if internal {
            m.serialize_field("visibility", &u.visibility)?;
        }
        if let Some(notes) = notes {
            m.serialize_field("notes", notes)?;
        }
        if let Some(extra) = extra {
            m.serialize_field("extra", extra)?;
        }
        m.end()
    }
}
