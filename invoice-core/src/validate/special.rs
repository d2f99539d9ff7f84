//! 特定业务 and remark rules (国家税务总局公告2016年第23号; domain.md §6.3, §12).

use super::codes::*;
use super::{Context, NotCarried};
use crate::error::{Error, Path};
use crate::model::{Invoice, SpecialBusiness};

pub(super) fn check(inv: &Invoice, ctx: &Context, out: &mut Vec<Error>) {
    let remarks = inv.remarks.as_deref().unwrap_or("");
    // 数电 carries these as structured 特定要素; the legacy systems only had the remarks.
    // A source without the remarks cannot be judged on them.
    let legacy = !inv.kind.is_digital() && ctx.carries(NotCarried::Remarks);
    let sp = |k: &'static str| Path::field("special").key(k);
    match &inv.special {
        Some(SpecialBusiness::Construction(c)) => {
            if legacy && !(remarks.contains(&c.site) && remarks.contains(&c.project)) {
                out.push(
                    Error::new(SPC_CONSTRUCTION_REMARKS)
                        .at(Path::field("remarks"))
                        .with("site", &c.site)
                        .with("project", &c.project),
                );
            }
            if c.cross_region && c.cross_region_permit.is_none() {
                out.push(Error::new(SPC_CROSS_REGION_PERMIT).at(sp("cross_region_permit")));
            }
        }
        Some(SpecialBusiness::RealEstateSale(r) | SpecialBusiness::RealEstateLease(r)) => {
            if legacy && !remarks.contains(&r.address) {
                out.push(
                    Error::new(SPC_REAL_ESTATE_REMARKS)
                        .at(Path::field("remarks"))
                        .with("address", &r.address),
                );
            }
            if matches!(inv.special, Some(SpecialBusiness::RealEstateSale(_)))
                && r.certificate.is_none()
            {
                out.push(Error::new(SPC_REAL_ESTATE_CERT).at(sp("certificate")));
            }
        }
        Some(SpecialBusiness::Freight { legs }) if legs.is_empty() => {
            out.push(Error::new(SPC_FREIGHT_LEGS).at(sp("legs")));
        }
        _ => {}
    }
    if inv.deduction.is_some() && !remarks.contains("差额征税") && ctx.carries(NotCarried::Remarks)
    {
        out.push(Error::new(SPC_DEDUCTION_REMARKS).at(Path::field("remarks")));
    }
}
