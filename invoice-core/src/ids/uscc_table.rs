//! Data: the registration-authority (登记管理部门) and category (机构类别) codes of the first two
//! USCC characters, GB 32100-2015 Table 2 and Table 3 (domain.md §5.1).
//!
//! Later designations of registration departments (law firms, religious venues, …) are not
//! confirmed by the sources read, so they are absent; a pair missing here is a warning
//! (`ID-06`), never an error. A newer table is a new [`AuthorityTable`] value with its own
//! version name.

use super::uscc::{Authority, AuthorityTable, Category};

/// GB 32100-2015 Table 2 (first character) and Table 3 (second character).
pub(super) const GB_32100_2015: AuthorityTable = AuthorityTable {
    version: "GB 32100-2015 Table 2/3",
    authorities: &[
        Authority {
            code: '1',
            name_zh: "机构编制",
            name_en: "institutional establishment administration",
            categories: &[
                Category {
                    code: '1',
                    name_zh: "机关",
                    name_en: "government agency",
                },
                Category {
                    code: '2',
                    name_zh: "事业单位",
                    name_en: "public institution",
                },
                Category {
                    code: '3',
                    name_zh: "中央编办直接管理机构编制的群众团体",
                    name_en: "mass organisation whose establishment is managed directly by the central establishment office",
                },
                Category {
                    code: '9',
                    name_zh: "其他",
                    name_en: "other",
                },
            ],
        },
        Authority {
            code: '5',
            name_zh: "民政",
            name_en: "civil affairs",
            categories: &[
                Category {
                    code: '1',
                    name_zh: "社会团体",
                    name_en: "social organisation",
                },
                Category {
                    code: '2',
                    name_zh: "民办非企业单位",
                    name_en: "private non-enterprise unit",
                },
                Category {
                    code: '3',
                    name_zh: "基金会",
                    name_en: "foundation",
                },
                Category {
                    code: '9',
                    name_zh: "其他",
                    name_en: "other",
                },
            ],
        },
        Authority {
            code: '9',
            name_zh: "工商",
            name_en: "industry and commerce (market regulation)",
            categories: &[
                Category {
                    code: '1',
                    name_zh: "企业",
                    name_en: "enterprise",
                },
                Category {
                    code: '2',
                    name_zh: "个体工商户",
                    name_en: "individual business",
                },
                Category {
                    code: '3',
                    name_zh: "农民专业合作社",
                    name_en: "farmers' specialised cooperative",
                },
            ],
        },
        Authority {
            code: 'Y',
            name_zh: "其他",
            name_en: "other",
            categories: &[Category {
                code: '1',
                name_zh: "其他",
                name_en: "other",
            }],
        },
    ],
};
