// The one typed client of the Cluster Atlas HTTP API (docs/api.md, /api/v1).
//
// Every GET carries the two read parameters of the contract: `as_of` (only what was known on that
// day; omitted = the server's today) and `sample` (false leaves out illustrative records). Errors
// come back as RFC 9457 problem+json and are thrown as ApiError, which carries the server's
// message in Chinese and English so that a page can show it in the user's language.

import { JSON_ACCEPT, readBody, takeEarly, type EarlyAnswer } from './early'

// ---------------------------------------------------------------------------------------------
// Shared shapes

/** A name in both languages; `en` may be "". */
export interface I18nText {
  zh: string
  en: string
}

/** Every read answer has it. */
export interface Meta {
  /** The plan the answer is for ("" for a database without plans). */
  plan?: string
  snapshot_version: number
  as_of: string
  data_as_of: string
  /** Whether sample (illustrative) data was included. */
  sample: boolean
}

/** A reference to another record: `{id, name}`. */
export interface Ref {
  id: string
  name: I18nText
}

/** The output value of one year; `sample` when built from at least one sample figure. */
export interface YearValue {
  year: number
  /** What the value covers: the year ("2025") or January to the last month reported ("2025-01~06"). */
  period?: string
  value: number
  sample?: boolean
}

export interface Page<T> {
  meta: Meta
  total: number
  offset: number
  limit: number
  items: T[]
}

/**
 * A word of a plan's vocabulary (an enterprise's segment, a zone's kind …): records carry its id,
 * the plan names it. Each plan declares its own words (GET /plan `vocabularies`).
 */
export type Segment = string
/** percent: values in millionths of the whole (180000 is 18%). */
export type MoneyOrCountUnit = 'yuan' | 'count' | 'percent'

// ---------------------------------------------------------------------------------------------
// /plan

export interface PlanCounts {
  enterprises: number
  sample_enterprises: number
  observations: number
  projects: number
  zones: number
  counties: number
  targets: number
}

export interface Plan {
  meta: Meta
  id: string
  title: I18nText
  document: string
  issued: string
  start_year: number
  end_year: number
  counts: PlanCounts
  /** The plan readers get when they name none. */
  default: boolean
  /** The counties whose enterprises count for the plan. */
  scope: Ref[]
  output_metric: OutputMetric
  /** Its boundary map's source; null when the plan has no map. */
  map: MapInfo | null
  /** The words its records use, with their names, in the plan's order. */
  vocabularies: Vocabularies
  /** The units it declares beyond the built-in yuan, count and percent, in its order. */
  units: Unit[]
}

/** A display scale of a declared unit: from `factor` up, a value is divided by it and named `name`. */
export interface UnitScale {
  factor: number
  /** A language whose name is empty does not use the scale. */
  name: I18nText
}

/** A unit a plan declares: what its values measure, its name after a number, its display scales. */
export interface Unit {
  id: string
  measure: MoneyOrCountUnit
  /** The word after a number; an English name may read "singular | plural". */
  name: I18nText
  /** By ascending factor. */
  scales: UnitScale[]
  provenance: string | null
}

/** One word of a plan's vocabulary: the id records carry and its name in both languages. */
export interface Term {
  id: string
  name: I18nText
  /** false: a word its records use that the plan does not declare (named by itself). */
  declared?: boolean
}

/** The kinds of words a plan declares. */
export type VocabularyKind = 'segment' | 'zone_kind' | 'project_type' | 'carrier_kind' | 'candidate_kind'

/**
 * A plan's vocabularies, each in the plan's order. Every kind is present (maybe empty); a word its
 * records use but the plan does not declare comes named by itself ({zh: id, en: id}).
 */
export type Vocabularies = Record<VocabularyKind, Term[]>

/** Where a plan's boundary map comes from (GET /map serves the map). */
export interface MapInfo {
  source: string
  /** 审图号; null when the source states none. */
  review_number: string | null
}

/** GET /map: the plan's boundary map, a GeoJSON FeatureCollection of its counties (by adcode). */
export interface PlanMap extends MapInfo {
  meta: Meta
  geojson: { type: 'FeatureCollection'; features: { type: string; properties: { adcode: number | string; name: string }; geometry: unknown }[] }
}

/** One plan of GET /plans. */
export type PlanSummary = Omit<Plan, 'meta'>

// /plans
export interface PlanList {
  meta: Meta
  /** The plan readers get when they name none; null when several plans have no default. */
  default: string | null
  plans: PlanSummary[]
}

// ---------------------------------------------------------------------------------------------
// /targets

export type TargetStatus = 'met' | 'on-track' | 'at-risk' | 'off-track' | 'missed' | 'no-data' | 'error'

/** Why a target could not be evaluated (status error). */
export interface TargetProblem {
  type: string
  detail: string
  detail_zh: string
}

export type BaselineQualifier = 'exact' | 'about' | 'over' | 'at-least'

export interface Target {
  id: string
  title: I18nText
  indicator: string
  /** What its values measure; the plan's own unit, when it declares one, is declared_unit. */
  unit: MoneyOrCountUnit
  declared_unit?: Unit | null
  goal: { text: string; value: number }
  deadline: number
  /** qualifier: how the plan words it (超30亿 is over); text: as the plan file writes it. */
  baseline: { value: number; qualifier?: BaselineQualifier; text?: string; period: string; provenance: string } | null
  latest: { value: number; period: string; contributors: number } | null
  /** latest / goal, 0..∞; null without a reading. */
  progress: number | null
  /** One of TargetStatus; kept open because the engine may append statuses. */
  status: TargetStatus | string
  status_zh: string
  /** The deadline has passed: the result is final, not a forecast. */
  final: boolean
  projected: number | null
  path_value: number | null
  growth_needed_per_year: number | null
  count_needed_per_year: number | null
  /** A percent target: millionths still needed per year (10000 is one percentage point). */
  change_needed_per_year?: number | null
  sample: boolean
  provenance: string[]
  target_provenance: string
  quote: string
  /** Why the target could not be evaluated (status error); null otherwise. */
  problem: TargetProblem | null
}

export interface TargetList {
  meta: Meta
  targets: Target[]
}

export interface SeriesPoint {
  /** "2021", or "2026-01~09" for a running year. */
  period: string
  year: number
  /** null: nothing counted or stated for the year. */
  value: number | null
  complete: boolean
  contributors: number
  sample: boolean
}

export type ContributorSet = 'enterprises' | 'projects' | 'carriers' | 'supplier_entries'

export interface Contributor {
  id: string
  name: I18nText
  /** The record's value of the summed field; absent for counts. */
  value?: number | null
  sample: boolean
}

export interface TargetDetail extends Target {
  meta: Meta
  series: SeriesPoint[]
  required_path: { year: number; value: number }[]
  contributors: {
    set: ContributorSet | string
    total: number
    items: Contributor[]
  }
}

// /targets/{id}/groups: a target's latest reading broken down by a field of its records

/**
 * A field to group a target's records by: enterprises by county, zone, segment, class, subsystem or
 * category; projects by county, zone or type; carriers by kind or level; supplier entries by class.
 * Kept open: the server says (400, field "by") when a target's records have no such field.
 */
export type GroupField = 'county' | 'zone' | 'segment' | 'class' | 'subsystem' | 'category' | 'type' | 'kind' | 'level'

export interface TargetGroup {
  /** null: the records without a value of the field (enterprises the plan names without a county). */
  key: Ref | null
  value: number | null
  /** The group's part of the total in millionths (471841 is 47.18%); null for a ratio, overlapping groups or a total of 0. */
  share: number | null
  contributors: number
  complete: boolean
  period: string | null
  sample: boolean
}

export interface TargetGroups {
  meta: Meta
  target: Target
  by: GroupField | string
  /** What was evaluated: the indicator over the reading's period, with `group by`. */
  expression: string
  /** The span the figures cover; null for an indicator without a trailing period. */
  period: string | null
  unit: MoneyOrCountUnit | 'tce' | string
  total: { value: number | null; contributors: number; complete: boolean; sample: boolean }
  /** A record may count in several groups (taxonomy levels, nested zones): no shares then. */
  groups_overlap: boolean
  /** In the plan's order; the records without a value of the field last. */
  groups: TargetGroup[]
}

// ---------------------------------------------------------------------------------------------
// /enterprises

export interface EnterpriseItem {
  id: string
  name: I18nText
  credit_code: string | null
  county: Ref | null
  zone: Ref | null
  /** A word of the plan's segment vocabulary ("" when the record states none). */
  segment: Segment
  above_size: boolean | null
  high_tech: boolean | null
  classes: string[]
  output_value: YearValue | null
  /**
   * The caller may not see this enterprise's figures (not signed in, or another enterprise's
   * user): output_value, and in the profile employees and figures, are then empty.
   */
  withheld: boolean
  sample: boolean
  provenance: string
  /** Outside the plan's region (a parent, partner or group elsewhere): never counted as local. */
  outside: boolean
  /** Other names the sources use, searched like the name. */
  aliases: string[]
  aliases_provenance: string | null
  /** Where above_size comes from, when stated. */
  above_size_provenance: string | null
}

/** A name or alias close to a search text that matched nothing ("did you mean …?"). */
export interface EnterpriseSuggestion {
  id: string
  name: I18nText
  /** The name or alias that came close. */
  matched: string
  distance: number
}

/** The metric a plan's zone, county and enterprise totals read (its plan file's output_metric). */
export interface OutputMetric {
  id: string
  /** Null when the data hold no such metric (every total is then null). */
  name: I18nText | null
  unit: string | null
}

export interface EnterpriseList extends Page<EnterpriseItem> {
  output_metric: OutputMetric
  /** Present when q matched nothing: at most 5, closest first. */
  suggestions?: EnterpriseSuggestion[]
}

/** A fact's or milestone's note in both languages (either may be empty). */
export interface Note {
  zh: string
  en: string
}

export interface EnterpriseQuery {
  county?: string
  zone?: string
  segment?: string
  class?: string
  q?: string
  /** true: only enterprises outside the region; false: only those inside. */
  outside?: boolean
  year?: number
  sort?: 'name' | '-output_value'
  offset?: number
  limit?: number
}

export interface TaxonomyPathStep {
  code: string
  level: string
  name: I18nText
}

export interface Product {
  code: string
  name: I18nText
  path: TaxonomyPathStep[]
}

export interface FigureItem {
  period: string
  value: number
  published: string | null
  provenance: string
  sample: boolean
}

export interface Figure {
  metric: string
  name: I18nText
  unit: MoneyOrCountUnit | string
  annual: { year: number; value: number; months: number; sample: boolean }[]
  items: FigureItem[]
}

export interface ProjectRef {
  id: string
  name: I18nText
  type: ProjectType
  status: string
}

export interface CarrierItem {
  id: string
  name: I18nText
  kind?: string
  level?: string
  recognized?: string | null
  sample?: boolean
  provenance?: string
}

export interface SupplierEntryItem {
  id: string
  class?: string | { code: string; name: I18nText }
  oem?: string
  tier?: number
  entered?: string | null
  sample?: boolean
  provenance?: string
}

export interface SupplyEdge {
  id: string
  name: I18nText
  class: string | { code: string; name: I18nText } | null
  sample: boolean
}

/**
 * A partner of an enterprise along a chain (GET /enterprises/{id} `chain_links`): upstream, a firm
 * that supplies it a class of a link directly upstream; downstream, one it supplies that makes a
 * link directly downstream.
 */
export interface EnterpriseChainPartner {
  id: string
  name: I18nText
  county: Ref | null
  /** The class code the relation names (null: the relation names none). */
  class: string | null
  /** The partner's link of the chain. */
  link: Ref
  /** Inside the plan's region. */
  local: boolean
  sample: boolean
}

/** A chain link the enterprise makes, with its partners directly up- and downstream (local first). */
export interface EnterpriseChainLink {
  chain: Ref
  link: Ref
  upstream: EnterpriseChainPartner[]
  downstream: EnterpriseChainPartner[]
}

export interface EnterpriseDetail extends EnterpriseItem {
  meta: Meta
  output_metric: OutputMetric
  products: Product[]
  processes: string[]
  certifications: string[]
  customers: string[]
  employees: number | null
  group: Ref | null
  figures: Figure[]
  projects: ProjectRef[]
  carriers: CarrierItem[]
  supplier_entries: SupplierEntryItem[]
  suppliers: SupplyEdge[]
  customers_of: SupplyEdge[]
  /** The chain links it makes, in the plan's order. */
  chain_links: EnterpriseChainLink[]
  facts?: Fact[]
}

// ---------------------------------------------------------------------------------------------
// /projects

/** A word of the plan's project_type vocabulary. */
export type ProjectType = string
export type ProjectStatus = 'planned' | 'signed' | 'started' | 'commissioned' | 'full-production'

export interface ProjectItem {
  id: string
  name: I18nText
  type: ProjectType
  sponsor: Ref | null
  zone: Ref | null
  county: Ref | null
  investment: number | null
  /** Where the investment figure comes from (the plan, or a public source's fact). */
  investment_source: string | null
  expected_output: number | null
  products: string[]
  capacity: string
  status: ProjectStatus | string
  /** 滞后: a milestone is overdue at as_of (its planned date has passed, not reached). */
  late: boolean
  /** 延期完成: not late, but a milestone was reached after its planned date. */
  delayed: boolean
  /** The status rests on sample milestones only (show it with the 示例 mark). */
  status_sample?: boolean
  /** late | delayed | on-time | no-data (no milestone has a planned date: 无进度数据). */
  schedule?: 'late' | 'delayed' | 'on-time' | 'no-data' | string
  /** The schedule rests on sample milestones only (show it with the 示例 mark). */
  schedule_sample?: boolean
  sample: boolean
  provenance: string
  quote: string
  /** The visible milestones, judged at as_of (the same objects as the detail's). */
  milestones: Milestone[]
}

export interface ProjectSummaryRow {
  status: ProjectStatus | string
  projects: number
  /** Sums over the projects that state them; null when none does. */
  expected_output: number | null
  investment: number | null
  /** Some project counted here has its status from sample milestones only. */
  sample?: boolean
}

export interface ProjectList extends Page<ProjectItem> {
  summary: ProjectSummaryRow[]
}

export interface ProjectQuery {
  type?: string
  zone?: string
  county?: string
  sponsor?: string
  status?: string
  late?: boolean
  delayed?: boolean
  q?: string
  offset?: number
  limit?: number
}

export interface Milestone {
  /** signed | started | commissioned | full-production, or another kind such as "phase". */
  kind: string
  /** "2023", "2021-03" or "2021-03-15"; null when the plan gave no date. */
  planned: string | null
  actual: string | null
  note: Note
  /** The planned date has passed by as_of and the milestone was not reached by then. */
  overdue: boolean
  /** Overdue: days from the planned date (its last day) to as_of; else null. */
  overdue_days: number | null
  /** Reached and planned: days late (0 on time or early); null when not reached or unplanned. */
  delay_days: number | null
  sample: boolean
  provenance: string
}

export interface Fact {
  id: string
  metric: string
  period: string
  /** Integer yuan or count, a decimal (percent), or the text as written. */
  value: number | string
  unit: string
  qualifier: string
  quote: string
  note: Note
  provenance: string
  sample?: boolean
}

export interface ProjectDetail extends ProjectItem {
  meta: Meta
  facts: Fact[]
}

// ---------------------------------------------------------------------------------------------
// /zones, /taxonomy, /chains

export interface Zone {
  id: string
  name: I18nText
  kind: string
  parent: string | null
  counties: string[]
  enterprises: number
  output_value: YearValue | null
  facts: Fact[]
  targets: string[]
  sample?: boolean
  provenance: string
}

export interface County {
  id: string
  adcode: string | number
  name: I18nText
  enterprises: number
  output_value: YearValue | null
  sample?: boolean
  provenance: string
}

export interface ZoneList {
  meta: Meta
  output_metric: OutputMetric
  zones: Zone[]
  counties: County[]
  /** The enterprises with no county recorded and their output: what the county rows leave out. */
  county_not_recorded?: { enterprises: number; output_value: YearValue | null }
  /** Share (0..1) of the year's output that falls in some county; null without output. */
  county_coverage?: number | null
}

export interface TaxonomyNode {
  code: string
  level: 'category' | 'subsystem' | 'class' | string
  name: I18nText
  /** The plan's count of product classes (categories only). */
  class_count: number | null
  hs: string[]
  /** Local makers of this node or anything below it. */
  enterprises: number
  sample?: boolean
  provenance: string
  children: TaxonomyNode[]
}

export interface Taxonomy {
  meta: Meta
  categories: TaxonomyNode[]
}

export interface ChainLink {
  id: string
  name: I18nText
  classes: { code: string; name: I18nText }[]
  enterprises: number
}

export interface Chain {
  id: string
  name: I18nText
  /** The chain itself is sample (illustrative) data. */
  sample?: boolean
  provenance: string
  links: ChainLink[]
  /** Upstream (from) → downstream (to). */
  edges: { from: string; to: string }[]
}

export interface ChainList {
  meta: Meta
  chains: Chain[]
}

// /chains/{id}: a chain's links judged strong, weak or missing (docs/chains.md)

export type ChainVerdict = 'strong' | 'weak' | 'missing'
export type EvidenceMeasure = 'makers' | 'anchor' | 'local-supply' | 'location-quotient' | 'pipeline'
/** unknown: the data to compute it are not loaded (never read as zero); info: stated, not compared. */
export type EvidenceState = 'met' | 'not-met' | 'unknown' | 'not-applicable' | 'info'

/** One measure of a link, in words and numbers. */
export interface Evidence {
  /** One of EvidenceMeasure; kept open because the engine may add measures. */
  measure: EvidenceMeasure | string
  state: EvidenceState | string
  /** The verdict rests on this measure. */
  decided: boolean
  /** The measured number (makers, anchors, share, quotient, projects). */
  value: number | null
  threshold: number | null
  text: I18nText
}

/** A key project whose products include a class of the link. */
export interface PipelineProject {
  project: string
  name: I18nText
  /** Its sponsor is not yet a local maker of the link: it fills the link rather than strengthening it. */
  adds_maker: boolean
  /** First production: the actual date known by as_of, else the planned one ("2022-09", "2021"). */
  due: string | null
  done: boolean
  overdue: boolean
  sample: boolean
}

/** The plan's thresholds of the verdicts ([plan.chain_rules]). */
export interface ChainRules {
  makers: 'all' | 'above-size' | string
  min_makers: number
  /** Yuan: a maker whose output in the year is at least this is an anchor; null: only named anchors. */
  anchor_output: number | null
  /** Enterprise ids the plan names as anchors (龙头). */
  anchors: string[]
  min_local_supply: number
  min_location_quotient: number
  /** The fact of the reference region's total output (location quotient); null: none. */
  reference: string | null
  provenance: string
}

export interface LinkMaker {
  id: string
  name: I18nText
  output: number | null
  anchor: boolean
  sample: boolean
}

export interface LinkVerdict {
  id: string
  name: I18nText
  classes: { code: string; name: I18nText | null }[]
  verdict: ChainVerdict | string
  verdict_zh: string
  makers_count: number
  /** The largest local makers first (at most 20). */
  makers: LinkMaker[]
  /** The makers' output in the year (whole-enterprise figures). */
  output: number | null
  anchors: number
  local_supply: { buyers: number; known: number; local: number; share: number | null }
  location_quotient: number | null
  /** Links that depend on it, directly or further down. */
  downstream: string[]
  /** Null when none of the downstream makers has a figure of the year. */
  downstream_output: number | null
  pipeline: PipelineProject[]
  /** A missing link: the earliest first production of a project that adds a maker. */
  closes: string | null
  evidence: Evidence[]
  measures_known: number
  sample: boolean
}

export interface ChainVerdicts {
  id: string
  name: I18nText
  provenance: string
  sample: boolean
  /** The county judged; null: the plan's whole region. */
  county: Ref | null
  year: number
  /** Every local enterprise of the area in the year. */
  area_output: number | null
  /** Links with at least one local maker. */
  present: number
  verdicts: { strong: number; weak: number; missing: number }
  rules: ChainRules
  links: LinkVerdict[]
  edges: { from: string; to: string }[]
  /** Weak and missing link ids by importance. */
  gaps: string[]
}

export interface ChainAssessment {
  meta: Meta
  chain: ChainVerdicts
}

export interface ChainQuery {
  /** A county of the plan; absent: the plan's whole region. */
  county?: string
  /** The year of output; absent: the last complete year before as_of. */
  year?: number
}

// /chains/{id}/counties: every county's verdicts for one chain in one read (docs/api.md)

/** One county's verdicts of the chain: what GET /chains/{id}?county= judges, without the evidence. */
export interface ChainCountyRow {
  county: Ref
  /** Links with at least one local maker in the county. */
  present: number
  strong: number
  weak: number
  missing: number
  /** Every enterprise of the county in the year. */
  area_output: number | null
  /** The county's verdicts rest on sample data. */
  sample: boolean
  /** One per link of the answer's `links`, in that order. */
  verdicts: (ChainVerdict | string)[]
  /** Weak and missing link ids by importance. */
  gaps: string[]
}

export interface ChainCounties {
  meta: Meta
  chain: Ref
  year: number
  links: { id: string; name: I18nText }[]
  /** In the plan's order. */
  counties: ChainCountyRow[]
}

/** The parameters of GET /chains/{id}/counties: a chain's, without the county. */
export type ChainCountiesQuery = Omit<ChainQuery, 'county'>

// /chains/{id}/links/{link}/candidates: the outside firms to court for a link (docs/chains.md "Candidates")

export type CandidateFeatureName = 'gap' | 'ties' | 'scale' | 'region' | 'named'

/** One feature of a candidate's score: its value in [0, 1], the plan's weight, the points it gives. */
export interface CandidateFeature {
  /** One of CandidateFeatureName; kept open because the engine may add features. */
  feature: CandidateFeatureName | string
  value: number
  weight: number
  /** 100 × weight × value / Σ weights; the points of a candidate's features add up to its score. */
  points: number
  /** The reason in words ("head office in 珠三角, a region the plan courts", "scale not recorded"). */
  text: I18nText
}

export interface Candidate {
  /** 1 is the best; equal scores go by Chinese name, then id. */
  rank: number
  id: string
  name: I18nText
  kind: string
  /** Its head office ("珠三角"). */
  region: string
  /** 0–100. */
  score: number
  /** The links of the chain it makes. */
  links: string[]
  features: CandidateFeature[]
  /** Its size in yuan (its revenue or output in a recent year); null when not recorded. The `scale` feature rests on it. */
  scale: number | null
  provenance: string
  sample: boolean
}

/** The plan's attraction rules ([plan.attraction]): the weights, the courted regions. */
export interface CandidateRules {
  gap: number
  ties: number
  scale: number
  region: number
  named: number
  regions: string[]
  provenance: string
}

export interface LinkCandidates {
  meta: Meta
  chain: Ref
  link: { id: string; name: I18nText; verdict: ChainVerdict | string; verdict_zh: string }
  rules: CandidateRules
  /** Best first. */
  candidates: Candidate[]
}

// ---------------------------------------------------------------------------------------------
// /forecast: how likely each target is to be met by its deadline (docs/forecast.md)

/** The shape of a target's indicator the forecast recognises; unsupported ones are not forecast. */
export type ForecastForm = 'sum' | 'tier-count' | 'record-count' | 'project-count' | 'unsupported'

/** One year of a forecast: the value's quantiles over the runs, in the target's unit. */
export interface FanPoint {
  year: number
  p10: number
  p50: number
  p90: number
  mean: number
}

/** What a final target would have taken: the shortfall, and for a sum the yearly growth needed. */
export interface ForecastTook {
  /** The year the growth is counted from (the baseline's, else the plan's first); null for counts. */
  from_year: number | null
  from_value: number | null
  /** Yearly growth that would have met the goal (0.2975 is 29.75 %); null for counts. */
  growth_needed: number | null
  growth_achieved: number | null
  /** What was missing at the deadline, in the target's unit; 0 when met. */
  shortfall: number
  /**
   * Key projects planned to be commissioned before the deadline that were not (commissioned after
   * it, or not yet), with what each would have added in the deadline year; non-empty only for sums.
   */
  missed: ForecastMissed[]
}

/** A key project a final sum target missed: planned before the deadline, commissioned after it or not yet. */
export interface ForecastMissed {
  project: string
  /** The planned commissioning month ("2021-03"). */
  planned: string
  /** The commissioning date after the deadline ("2026-05-01"); null: not commissioned yet. */
  commissioned: string | null
  /** What it would have added in the deadline year had it been commissioned as planned, in the target's unit. */
  output: number
}

export interface TargetForecast {
  id: string
  title: I18nText
  unit: MoneyOrCountUnit
  /** The plan's unit by id (GET /plan `units`), as /targets gives it in full; null for none. */
  declared_unit: string | null
  /** The goal as the plan file writes it (">= 100亿"). */
  goal: string
  goal_value: number
  deadline: number
  status: TargetStatus | string
  final: boolean
  latest: number | null
  latest_period: string | null
  latest_year: number | null
  /** One of ForecastForm; kept open because the engine may add forms. */
  form: ForecastForm | string
  /** Why the target is not forecast (form unsupported); null otherwise. */
  unsupported: string | null
  /** 0..1; null when not forecast. */
  probability: number | null
  /** Every run gives the same value: the figures are complete. */
  settled: boolean
  /** A year each from the as-of year (only the deadline once past) to the deadline. */
  fan: FanPoint[]
  members: number
  stopped: number
  /** The key projects that feed the target. */
  projects: string[]
  sample: boolean
  /** For a final target: what it would have taken; null otherwise. */
  took: ForecastTook | null
  /** What-if answers only: the probability and the deadline's P50 without the changes. */
  base_probability?: number | null
  base_p50?: number | null
}

/**
 * A hypothetical attracted firm (docs/forecast.md): simulated as a key project planned to start
 * production in `from`, counted in the targets of the plan's output metric whose sets hold an
 * enterprise of its segment, zone and county.
 */
export interface FirmChange {
  kind: 'firm'
  /** A segment of the plan's vocabulary. */
  segment: string
  /** Yuan a year of the plan's output metric at full production (> 0, ≤ 1e13). */
  output: number
  /** The month it starts production ("2024-03"): from the as-of month to 30 years later. */
  from: string
  /** A zone of the plan it would be in. */
  zone?: string
  /** A county of the register it would be in. */
  county?: string
  /** The chain candidate it is (its id; GET /chains/{id}/links/{link}/candidates). */
  candidate?: string
  /** As the planner calls it: at most 200 bytes. */
  name?: string
}

/** A change of a what-if: delay or cancel a key project, set a segment's yearly growth, or add a firm. */
export type WhatIfChange =
  | { kind: 'delay'; project: string; months: number }
  | { kind: 'cancel'; project: string }
  | { kind: 'growth'; segment: string; growth: number }
  | FirmChange

/** A firm as a what-if answer echoes it: with the ids of the targets that count it. */
export type FirmEcho = FirmChange & { counted_in: string[] }

/** A change as a what-if answer echoes it (its firms after the other changes, in their order). */
export type WhatIfAnswerChange = Exclude<WhatIfChange, FirmChange> | FirmEcho

export interface ForecastSettings {
  shrinkage: number
  ramp_months: number
  cancellation: number
  correlation: number
}

export interface Forecast {
  meta: Meta
  plan: string
  as_of: string
  include_sample: boolean
  runs: number
  seed: number
  snapshot_version: number
  settings: ForecastSettings
  /** The changes applied (empty for GET /forecast); the firms after the other changes. */
  changes: WhatIfAnswerChange[]
  targets: TargetForecast[]
}

export interface ForecastQuery {
  runs?: number
  seed?: number
}

export interface WhatIfRequest {
  changes: WhatIfChange[]
  as_of?: string
  sample?: boolean
  runs?: number
  seed?: number
}

// ---------------------------------------------------------------------------------------------
// POST /indicators

export interface IndicatorRequest {
  expression: string
  as_of?: string
  sample?: boolean
}

export interface IndicatorResult {
  meta: Meta
  expression: string
  value: number | null
  has_value: boolean
  unit: MoneyOrCountUnit | string
  period: string
  complete: boolean
  contributors: number
  sample: boolean
  set: string
  records: { id: string; name: I18nText }[]
}

// ---------------------------------------------------------------------------------------------
// /session, /setup (docs/api.md "Sessions"; docs/security.md)

/** A role of docs/security.md "Accounts"; kept open because the server may add roles. */
export type Role = 'admin' | 'analyst' | 'enterprise'

/** Who is signed in. */
export interface SessionUser {
  name: string
  role: Role | string
  /** An enterprise user's enterprise id; null for the other roles. */
  enterprise: string | null
}

/** GET /session (also the answer of POST /session, DELETE /session and POST /setup). */
export type SessionAnswer =
  | {
      signed_in: true
      user: SessionUser
      /** Every write (POST, DELETE) made with the session sends it as X-CSRF-Token. */
      csrf_token: string
      /** When the session ends at the latest (ISO 8601, UTC). */
      expires: string
    }
  | {
      signed_in: false
      /** The database has no user yet: the first administrator comes through the link `atlas serve` printed. */
      setup_needed?: boolean
    }

/** GET /setup. */
export interface SetupStatus {
  setup_needed: boolean
}

// ---------------------------------------------------------------------------------------------
// Errors

/** An RFC 9457 problem as the API sends it. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  code?: string
  field?: string
  column?: number
  message?: Partial<I18nText>
}

/** A failed request: a problem from the server, or a transport failure made to look like one. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string | null
  readonly column: number | null
  readonly messages: I18nText
  readonly problem: Problem | null

  constructor(status: number, code: string, messages: I18nText, problem: Problem | null = null) {
    super(messages.en || messages.zh)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.messages = messages
    this.problem = problem
    this.field = problem?.field ?? null
    this.column = problem?.column ?? null
  }

  /** The message in the user's language, falling back to the other one. */
  messageIn(locale: string): string {
    const zhFirst = locale.toLowerCase().startsWith('zh')
    const first = zhFirst ? this.messages.zh : this.messages.en
    const second = zhFirst ? this.messages.en : this.messages.zh
    return first || second || this.code
  }
}

/** Turns a problem+json body (or any failed answer) into an ApiError. */
export function problemToError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const p = body as Problem
    const code = p.code ?? (p.type ? p.type.replace(/^.*\/problems\//, '') : `http-${status}`)
    const zh = p.message?.zh || p.detail || p.title || ''
    const en = p.message?.en || p.detail || p.title || ''
    if (zh || en) return new ApiError(p.status ?? status, code, { zh: zh || en, en: en || zh }, p)
  }
  return httpError(status)
}

function httpError(status: number): ApiError {
  if (status === 404) {
    return new ApiError(status, 'not-found', { zh: '请求的内容不存在（HTTP 404）', en: 'Not found (HTTP 404)' })
  }
  return new ApiError(status, `http-${status}`, {
    zh: `服务器返回错误（HTTP ${status}）`,
    en: `The server answered with an error (HTTP ${status})`,
  })
}

export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause)
  const e = new ApiError(0, 'network', {
    zh: '无法连接服务器，请检查网络或稍后重试',
    en: 'Cannot reach the server; check the connection and try again',
  })
  e.cause = detail
  return e
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

// ---------------------------------------------------------------------------------------------
// Query building

/** The read parameters every GET carries. */
export interface ReadContext {
  /** The plan to read (GET /plans lists them); null/absent for the server's default plan. */
  plan?: string | null
  /** YYYY-MM-DD, or null/"" for the server's today. */
  asOf: string | null
  /** false leaves out sample (illustrative) data. */
  sample: boolean
}

export type QueryValue = string | number | boolean | null | undefined

/**
 * The query string of a GET: the caller's parameters (empty ones dropped, in the given order),
 * then `plan` and `as_of` (when set) and `sample` (always, "true" or "false").
 */
export function buildQuery(params: Record<string, QueryValue>, ctx: ReadContext): string {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    q.append(key, String(value))
  }
  if (ctx.plan) q.set('plan', ctx.plan)
  if (ctx.asOf) q.set('as_of', ctx.asOf)
  q.set('sample', ctx.sample ? 'true' : 'false')
  return q.toString()
}

// ---------------------------------------------------------------------------------------------
// The client

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface ClientOptions {
  /** Prefix of every path, "/api/v1" by default (same origin). */
  baseUrl?: string
  fetch?: FetchLike
  /** Read at every request, so a change of the global switches applies to the next request. */
  context: () => ReadContext
  /** Called with the meta of every successful read (the header shows data_as_of). */
  onMeta?: (meta: Meta) => void
  /**
   * The CSRF token of the session (GET /session), sent as X-CSRF-Token with every write (POST,
   * DELETE); null when no one is signed in. May wait (for the session's first read).
   */
  csrfToken?: () => string | null | Promise<string | null>
  /**
   * A 401 `session-expired`: the cookie named no live session (the answer cleared it). Called
   * before the error is thrown; a GET is then asked again once, without the session.
   */
  onSessionExpired?: (e: ApiError) => void
  /**
   * A write refused for its CSRF token (403 `csrf-token-missing` / `csrf-token-invalid`: the
   * session changed in another tab): reads the session again; the write is sent again once when
   * the token has changed.
   */
  refreshSession?: () => Promise<void>
}

/** The header that carries the session's CSRF token on a write (docs/api.md "Sessions"). */
export const CSRF_HEADER = 'X-CSRF-Token'

export interface RequestOptions {
  signal?: AbortSignal
}

/** A GET of the API: its path and parameters (without as_of and sample), and what it answers. */
export interface Read<T> {
  path: string
  params: Record<string, QueryValue>
  /** Never set: carries the answer's type. */
  readonly answer?: T
}

/** GET /catalogues/{kind}: the plan's two catalogues (a key-development and a target-enterprise catalogue). */
export type CatalogueKind = 'key-development' | 'target-enterprise'
export interface CatalogueQuery {
  format?: 'xlsx' | 'csv'
  county?: string
  year?: number
}

function read<T>(path: string, params: Record<string, QueryValue> = {}): Read<T> {
  return { path, params }
}

/**
 * The API's reads as data: the client's methods send them, and the router starts a page's reads
 * before the app has booted (routes.ts, api/early.ts) — the same description, so the same URL.
 */
export const reads = {
  plans: () => read<PlanList>('/plans'),
  plan: () => read<Plan>('/plan'),
  map: () => read<PlanMap>('/map'),
  targets: () => read<TargetList>('/targets'),
  target: (id: string, params: { limit?: number } = {}) => read<TargetDetail>(`/targets/${encodeURIComponent(id)}`, { ...params }),
  targetGroups: (id: string, params: { by?: GroupField | string } = {}) => read<TargetGroups>(`/targets/${encodeURIComponent(id)}/groups`, { ...params }),
  enterprises: (params: EnterpriseQuery = {}) => {
    const { outside, ...rest } = params
    return read<EnterpriseList>('/enterprises', { ...rest, outside: outside === undefined ? undefined : String(outside) })
  },
  enterprise: (id: string) => read<EnterpriseDetail>(`/enterprises/${encodeURIComponent(id)}`),
  projects: (params: ProjectQuery = {}) => {
    const { late, delayed, ...rest } = params
    return read<ProjectList>('/projects', { ...rest, late: late ? 'true' : undefined, delayed: delayed ? 'true' : undefined })
  },
  project: (id: string) => read<ProjectDetail>(`/projects/${encodeURIComponent(id)}`),
  zones: (params: { year?: number } = {}) => read<ZoneList>('/zones', { ...params }),
  taxonomy: () => read<Taxonomy>('/taxonomy'),
  chains: () => read<ChainList>('/chains'),
  chain: (id: string, params: ChainQuery = {}) => read<ChainAssessment>(`/chains/${encodeURIComponent(id)}`, { ...params }),
  chainCounties: (id: string, params: ChainCountiesQuery = {}) => read<ChainCounties>(`/chains/${encodeURIComponent(id)}/counties`, { year: params.year }),
  /** A file, not JSON: the client's url() of it is a download link (docs/api.md, "Catalogues"). */
  catalogue: (kind: CatalogueKind, params: CatalogueQuery = {}) => read<Blob>(`/catalogues/${encodeURIComponent(kind)}`, { ...params }),
  forecast: (params: ForecastQuery = {}) => read<Forecast>('/forecast', { ...params }),
  linkCandidates: (chain: string, link: string, params: ChainQuery = {}) =>
    read<LinkCandidates>(`/chains/${encodeURIComponent(chain)}/links/${encodeURIComponent(link)}/candidates`, { ...params }),
}

export class AtlasClient {
  private readonly baseUrl: string
  private readonly fetchImpl: FetchLike
  private readonly context: () => ReadContext
  private readonly onMeta?: (meta: Meta) => void
  private readonly csrfToken: () => string | null | Promise<string | null>
  private readonly onSessionExpired?: (e: ApiError) => void
  private readonly refreshSession?: () => Promise<void>

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl ?? '/api/v1'
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.context = options.context
    this.onMeta = options.onMeta
    this.csrfToken = options.csrfToken ?? (() => null)
    this.onSessionExpired = options.onSessionExpired
    this.refreshSession = options.refreshSession
  }

  /** The URL a GET of `path` with `params` goes to (with as_of and sample). */
  url(path: string, params: Record<string, QueryValue> = {}): string {
    const query = buildQuery(params, this.context())
    return `${this.baseUrl}${path}${query ? `?${query}` : ''}`
  }

  async get<T>(path: string, params: Record<string, QueryValue> = {}, opts: RequestOptions = {}): Promise<T> {
    return this.send<T>(this.url(path, params), { method: 'GET', signal: opts.signal })
  }

  async post<T>(path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
    const plan = this.context().plan
    const query = plan ? `?${new URLSearchParams({ plan }).toString()}` : ''
    return this.write<T>('POST', `${this.baseUrl}${path}${query}`, body, opts)
  }

  /**
   * A POST or DELETE of `url` (a JSON body when given), with the session's CSRF token when someone
   * is signed in. Refused for its token, it reads the session again and, when the token changed,
   * is sent once more.
   */
  private async write<T>(method: 'POST' | 'DELETE', url: string, body: unknown, opts: RequestOptions): Promise<T> {
    const attempt = async (token: string | null): Promise<T> => {
      const headers: Record<string, string> = {}
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      if (token) headers[CSRF_HEADER] = token
      return this.send<T>(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: opts.signal })
    }
    const token = await this.csrfToken()
    try {
      return await attempt(token)
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 403 || !/^csrf-token-(missing|invalid)$/.test(e.code) || !this.refreshSession) throw e
      await this.refreshSession().catch(() => undefined)
      const fresh = await this.csrfToken()
      if (!fresh || fresh === token) throw e
      return attempt(fresh)
    }
  }

  private async send<T>(url: string, init: RequestInit): Promise<T> {
    let answer = await this.exchange(url, init)
    if (!answer.ok && answer.status === 401) {
      const e = problemToError(answer.status, answer.body)
      if (e.code === 'session-expired') {
        this.onSessionExpired?.(e)
        // The answer cleared the cookie: a read is the public's again (a write is not repeated).
        if (init.method !== 'GET') throw e
        answer = await this.exchange(url, init, { early: false })
      }
    }
    const { ok, status, body } = answer
    if (!ok) throw problemToError(status, body)
    if (body === undefined || body === null || typeof body !== 'object') {
      throw new ApiError(status, 'malformed-answer', {
        zh: '服务器返回的内容无法解析',
        en: 'The server sent an answer that could not be read',
      })
    }
    const meta = (body as { meta?: Meta }).meta
    if (meta && this.onMeta) this.onMeta(meta)
    return body as T
  }

  /** The answer of a request: a GET started early (api/early.ts) if there is one, else the network. */
  private async exchange(url: string, init: RequestInit, { early: useEarly = true } = {}): Promise<EarlyAnswer> {
    const early = useEarly && init.method === 'GET' ? takeEarly(url) : undefined
    if (early) {
      const answer = await early.catch(() => null)
      if (answer) return answer
    }
    const headers = { Accept: JSON_ACCEPT, ...(init.headers ?? {}) }
    let response: Response
    try {
      response = await this.fetchImpl(url, { ...init, headers })
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
      throw networkError(cause)
    }
    return { ok: response.ok, status: response.status, body: await readBody(response) }
  }

  /** Reads `read` (one of `reads`' descriptions). */
  read<T>(read: Read<T>, o?: RequestOptions): Promise<T> {
    return this.get<T>(read.path, read.params, o)
  }
  /** The URL a read goes to, with the current as_of and sample. */
  readUrl(read: Read<unknown>): string {
    return this.url(read.path, read.params)
  }

  plans(o?: RequestOptions) {
    return this.read(reads.plans(), o)
  }
  plan(o?: RequestOptions) {
    return this.read(reads.plan(), o)
  }
  map(o?: RequestOptions) {
    return this.read(reads.map(), o)
  }
  targets(o?: RequestOptions) {
    return this.read(reads.targets(), o)
  }
  target(id: string, params: { limit?: number } = {}, o?: RequestOptions) {
    return this.read(reads.target(id, params), o)
  }
  targetGroups(id: string, params: { by?: GroupField | string } = {}, o?: RequestOptions) {
    return this.read(reads.targetGroups(id, params), o)
  }
  enterprises(params: EnterpriseQuery = {}, o?: RequestOptions) {
    return this.read(reads.enterprises(params), o)
  }
  enterprise(id: string, o?: RequestOptions) {
    return this.read(reads.enterprise(id), o)
  }
  projects(params: ProjectQuery = {}, o?: RequestOptions) {
    return this.read(reads.projects(params), o)
  }
  project(id: string, o?: RequestOptions) {
    return this.read(reads.project(id), o)
  }
  zones(params: { year?: number } = {}, o?: RequestOptions) {
    return this.read(reads.zones(params), o)
  }
  taxonomy(o?: RequestOptions) {
    return this.read(reads.taxonomy(), o)
  }
  chains(o?: RequestOptions) {
    return this.read(reads.chains(), o)
  }
  chain(id: string, params: ChainQuery = {}, o?: RequestOptions) {
    return this.read(reads.chain(id, params), o)
  }
  /** The download link of a catalogue (an XLSX or CSV file) with the current plan, as_of and sample. */
  catalogueUrl(kind: CatalogueKind, params: CatalogueQuery = {}): string {
    return this.readUrl(reads.catalogue(kind, params))
  }
  chainCounties(id: string, params: ChainCountiesQuery = {}, o?: RequestOptions) {
    return this.read(reads.chainCounties(id, params), o)
  }
  linkCandidates(chain: string, link: string, params: ChainQuery = {}, o?: RequestOptions) {
    return this.read(reads.linkCandidates(chain, link, params), o)
  }
  forecast(params: ForecastQuery = {}, o?: RequestOptions) {
    return this.read(reads.forecast(params), o)
  }
  /** The forecast with `changes`, the base beside it; as_of and sample default to the global switches. */
  whatIf(changes: WhatIfChange[], params: ForecastQuery = {}, o?: RequestOptions) {
    const ctx = this.context()
    const body: WhatIfRequest = { changes, sample: ctx.sample, ...params }
    if (ctx.asOf) body.as_of = ctx.asOf
    return this.post<Forecast>('/forecast/what-if', body, o)
  }
  /** Evaluates an indicator; as_of and sample default to the global switches. */
  indicator(expression: string, o?: RequestOptions) {
    const ctx = this.context()
    const body: IndicatorRequest = { expression, sample: ctx.sample }
    if (ctx.asOf) body.as_of = ctx.asOf
    return this.post<IndicatorResult>('/indicators', body, o)
  }

  // Sessions: these take no plan, as_of or sample (the server refuses unknown parameters).

  /** Who is signed in (GET /session). */
  session(o?: RequestOptions) {
    return this.send<SessionAnswer>(`${this.baseUrl}/session`, { method: 'GET', signal: o?.signal })
  }
  /** Signs in (POST /session); the server sets the session cookie. */
  signIn(user: string, password: string, o: RequestOptions = {}) {
    return this.write<SessionAnswer>('POST', `${this.baseUrl}/session`, { user, password }, o)
  }
  /** Signs out (DELETE /session). */
  signOut(o: RequestOptions = {}) {
    return this.write<SessionAnswer>('DELETE', `${this.baseUrl}/session`, undefined, o)
  }
  /** Whether the database still waits for its first administrator (GET /setup). */
  setupStatus(o?: RequestOptions) {
    return this.send<SetupStatus>(`${this.baseUrl}/setup`, { method: 'GET', signal: o?.signal })
  }
  /** Creates the first administrator with the one-time token of `atlas serve`'s link and signs it in (POST /setup). */
  setup(token: string, user: string, password: string, o: RequestOptions = {}) {
    return this.write<SessionAnswer>('POST', `${this.baseUrl}/setup`, { token, user, password }, o)
  }
}
