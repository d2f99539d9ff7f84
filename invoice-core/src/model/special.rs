//! 特定业务 (specific business) fields: 建筑服务, 不动产销售/租赁, 货物运输 (domain.md §12).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::read::{At, Reader, field, fields};
use super::source::{Shape, Source};
use crate::error::Error;
use crate::error::INP_UNKNOWN_OPTION;

/// 建筑服务: where and what (国家税务总局公告2016年第23号).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Construction {
    /// 建筑服务发生地 (county / city / district).
    pub site: String,
    /// 建筑项目名称.
    pub project: String,
    /// 跨地（市）标志.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cross_region: bool,
    /// 跨区域涉税事项报验管理编号 (required when `cross_region`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_region_permit: Option<String>,
    /// 土地增值税项目编号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub land_vat_project: Option<String>,
}

/// 不动产销售 / 不动产经营租赁: the property.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RealEstate {
    /// 不动产详细地址.
    pub address: String,
    /// 房屋产权证书号码 (sales).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// 面积单位 (e.g. 平方米).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_unit: Option<String>,
}

/// 货物运输服务: one leg.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FreightLeg {
    /// 起运地.
    pub from: String,
    /// 到达地.
    pub to: String,
    /// 运输工具种类.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle_kind: Option<String>,
    /// 运输工具牌号 (车种车号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plate: Option<String>,
    /// 运输货物名称.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods: Option<String>,
}

/// The 特定业务 of an invoice, tagged by `type`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SpecialBusiness {
    /// 建筑服务 (特定要素 03).
    Construction(Construction),
    /// 不动产销售服务 (05).
    RealEstateSale(RealEstate),
    /// 不动产经营租赁服务 (06).
    RealEstateLease(RealEstate),
    /// 货物运输服务 (04).
    Freight {
        /// The legs carried.
        legs: Vec<FreightLeg>,
    },
}

fields! {
    static CONSTRUCTION = [
        "type",
        "site",
        "project",
        "cross_region",
        "cross_region_permit",
        "land_vat_project",
    ];
}
fields! {
    static REAL_ESTATE = ["type", "address", "certificate", "area_unit"];
}
fields! {
    static FREIGHT = ["type", "legs"];
}
fields! {
    static LEG = ["from", "to", "vehicle_kind", "plate", "goods"];
}

pub(super) fn read<S: Source>(r: &mut Reader, v: &S, path: &At<'_>) -> Option<SpecialBusiness> {
    let ty_node = v.member("type");
    let ty_shape = ty_node.as_ref().map(Source::shape);
    let ty: &str = match &ty_shape {
        Some(Shape::Text(t)) => t,
        _ => "",
    };
    match ty {
        "construction" => r.object(v, path, &CONSTRUCTION, |r, m| {
            let site = r.text(m, field!(&CONSTRUCTION, "site"), path, true);
            let project = r.text(m, field!(&CONSTRUCTION, "project"), path, true);
            let cross_region = r.flag(m, field!(&CONSTRUCTION, "cross_region"), path);
            let cross_region_permit =
                r.text(m, field!(&CONSTRUCTION, "cross_region_permit"), path, false);
            let land_vat_project =
                r.text(m, field!(&CONSTRUCTION, "land_vat_project"), path, false);
            Some(SpecialBusiness::Construction(Construction {
                site: site?,
                project: project?,
                cross_region,
                cross_region_permit,
                land_vat_project,
            }))
        }),
        "real_estate_sale" | "real_estate_lease" => r.object(v, path, &REAL_ESTATE, |r, m| {
            let address = r.text(m, field!(&REAL_ESTATE, "address"), path, true);
            let certificate = r.text(m, field!(&REAL_ESTATE, "certificate"), path, false);
            let area_unit = r.text(m, field!(&REAL_ESTATE, "area_unit"), path, false);
            let re = RealEstate {
                address: address?,
                certificate,
                area_unit,
            };
            Some(if ty == "real_estate_sale" {
                SpecialBusiness::RealEstateSale(re)
            } else {
                SpecialBusiness::RealEstateLease(re)
            })
        }),
        "freight" => r.object(v, path, &FREIGHT, |r, m| {
            let legs = r.list(m, field!(&FREIGHT, "legs"), path, true, |r, v, p| {
                r.object(v, p, &LEG, |r, m| {
                    let from = r.text(m, field!(&LEG, "from"), p, true);
                    let to = r.text(m, field!(&LEG, "to"), p, true);
                    let vehicle_kind = r.text(m, field!(&LEG, "vehicle_kind"), p, false);
                    let plate = r.text(m, field!(&LEG, "plate"), p, false);
                    let goods = r.text(m, field!(&LEG, "goods"), p, false);
                    Some(FreightLeg {
                        from: from?,
                        to: to?,
                        vehicle_kind,
                        plate,
                        goods,
                    })
                })
            });
            Some(SpecialBusiness::Freight { legs })
        }),
        other => {
            r.push(
                Error::new(INP_UNKNOWN_OPTION)
                    .at(path.path().key("type"))
                    .with("value", crate::money::shorten(other))
                    .with(
                        "allowed",
                        "construction, real_estate_sale, real_estate_lease, freight",
                    ),
            );
            None
        }
    }
}
