// The starter files `loudou init` writes: a small commented model of one district and a
// scenario beside it. Plain text, so the comments reach the user. The first line points
// VS Code's YAML extension (and other yaml-language-server editors) to the editor schema that
// init writes beside them, so keys complete and typos are flagged as one types.

/** Where init puts the editor schemas, relative to the model. */
export const SCHEMA_DIR = 'schemas'

export function starterModel(id: string): string {
  return `# yaml-language-server: $schema=${SCHEMA_DIR}/model.schema.json
# A starter model: one district, two departments, one street office, two communities.
# Edit it, then:  loudou validate model.yaml · loudou inspect model.yaml · loudou simulate model.yaml
# The language is described in docs/model-language.md of loudou.
loudou: 1
id: ${id}
name: 示例区 (starter district)
description: A district whose departments push work through one street office into two communities.
sources:
  - {title: "Write where your figures come from", note: "survey, ledger count, interview …"}

powers:
  - {id: enforce.urban-management, name: 城管执法}
  - {id: approve.subsidy, name: 低保审批}
categories: [civil-affairs, urban, statistics]

units:
  - id: district
    name: 示例区人民政府
    kind: government
    tier: district
    staff: 10
    children:
      - {id: civil, name: 民政局, kind: department, domain: civil-affairs, staff: 10, powers: [approve.subsidy]}
      - {id: urban, name: 城管局, kind: department, domain: urban-management, staff: 10, powers: [enforce.urban-management]}
      - id: street
        name: 示例街道
        kind: street
        tier: street
        staff: 4
        children:
          - id: community
            name: 社区{n}
            count: 2              # ids district/street/community-1, -2
            kind: community
            tier: community
            staff: 8              # workstation staff (full-time equivalents)
            residents: 6000

tasks:
  - {id: subsidy-review, name: 低保复核, category: civil-affairs, issuer: district/civil, target: community,
     kind: routine, every: 1mo, effort: 8h}
  - {id: household-survey, name: 入户调查, category: statistics, issuer: district/civil, target: community,
     kind: statistics, every: 3mo, effort: 16h, collects: [household.size, household.income], contacts: 0.3}
  - {id: street-order, name: 市容整治, category: urban, issuer: district/urban, target: community,
     kind: enforcement, every: 2w, effort: 4h, needs: [enforce.urban-management]}
  - {id: appraisal, name: 考核检查, category: urban, issuer: district/urban, target: community,
     kind: inspection, rate: 6/y, effort: 1d}

demand:
  - {id: repairs, name: 报修, at: community, rate: 20/1000/mo, effort: {dist: exp, mean: 2h}}
  - {id: street-vending, name: 占道经营投诉, at: community, rate: 5/1000/mo, effort: 2h, needs: [enforce.urban-management]}
`
}

export function starterScenario(id: string): string {
  return `# yaml-language-server: $schema=../${SCHEMA_DIR}/scenario.schema.json
# A reform scenario for the starter model: an access catalogue for community work.
# Try:  loudou compare model.yaml scenarios/access-catalogue.yaml
loudou: 1
id: ${id}-access-catalogue
name: 社区工作事项准入清单 (access catalogue)
base: ../model.yaml
reforms:
  - {type: access-catalogue, tier: community, allow: {categories: [civil-affairs]}, leakage: 0.1, otherwise: return}
`
}
