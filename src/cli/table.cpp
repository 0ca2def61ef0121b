#include "cli/table.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/plan_views.hpp"
#include "model/goal.hpp"
#include "model/units.hpp"

namespace atlas::cli {
namespace {

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

struct Words {
  const char* title;
  const char* as_of;
  const char* data_as_of;
  const char* sample_included;
  const char* sample_excluded;
  std::vector<std::string> header;
  const char* indicator;
  const char* figures;
  const char* target_source;
  const char* sample_mark;
  const char* none;
  const char* problem;
};

const Words& words(Lang lang) {
  static const Words zh{"规划目标检查",
                        "截至",
                        "最新数据发布于",
                        "含示例数据（标 * 者使用了示例数据，仅作演示，并非统计事实）",
                        "不含示例数据",
                        {"#", "目标", "基期", "最新值", "期间", "目标值", "期限", "尚需年增速", "状态"},
                        "指标",
                        "数据来源",
                        "目标出处",
                        "*",
                        "—",
                        "无法评估"};
  static const Words en{
      "Plan targets",
      "as of",
      "latest figure published",
      "sample data included (rows marked * use illustrative sample data, not statistics)",
      "sample data excluded",
      {"#", "target", "baseline", "latest", "period", "goal", "by", "growth/yr needed", "status"},
      "indicator",
      "figures from",
      "target from",
      "*",
      "—",
      "cannot be evaluated"};
  return lang == Lang::kZh ? zh : en;
}

std::string amount(std::int64_t v, TargetUnit unit) {
  switch (unit) {
    case TargetUnit::kYuan:
      return format_yi(v);
    case TargetUnit::kPercent:
      // To 0.01 point, as the web app shows a share (81.3187% reads 81.32%); half away from zero.
      return format_percent((v + (v < 0 ? -50 : 50)) / 100 * 100);
    case TargetUnit::kCount:
      break;
  }
  return std::to_string(v);
}

// A value of the target in its unit: the plan's declared unit ("530万辆", "15家"), else the built-in.
std::string amount(std::int64_t v, const app::TargetCheck& t, Lang lang) {
  if (t.declared_unit) return format_unit_value(static_cast<double>(v), *t.declared_unit, lang == Lang::kZh);
  return amount(v, t.unit);
}

std::string goal_text(const app::TargetCheck& t, Lang lang) {
  if (t.problem) return t.goal_text;
  if (!t.declared_unit) return engine::format_goal(t.goal, t.unit);
  return format_goal(t.goal, *t.declared_unit, lang == Lang::kZh);
}

// How the plan words a baseline: 超 (over), 约 (about), ≥ (at least); nothing when exact.
std::string_view qualifier_mark(FactQualifier q, Lang lang) {
  switch (q) {
    case FactQualifier::kOver:
      return lang == Lang::kZh ? "超" : ">";
    case FactQualifier::kAbout:
      return lang == Lang::kZh ? "约" : "~";
    case FactQualifier::kAtLeast:
      return "≥";
    case FactQualifier::kExact:
      break;
  }
  return "";
}

std::string needed(const app::TargetCheck& t, Lang lang) {
  const engine::Assessment& a = t.assessment;
  if (a.final) return "";
  if (a.growth_needed) return fmt::format("{:.1f}%", *a.growth_needed * 100);
  if (a.change_needed_per_year) {
    // Millionths → percentage points (10000 millionths is one point).
    const double points = *a.change_needed_per_year / 10'000;
    return lang == Lang::kZh ? fmt::format("{:+.2f} 个百分点/年", points)
                             : fmt::format("{:+.2f} pt/yr", points);
  }
  if (a.count_needed_per_year) {
    if (t.declared_unit) {
      return format_unit_value(*a.count_needed_per_year, *t.declared_unit, lang == Lang::kZh, 1) +
             (lang == Lang::kZh ? "/年" : "/yr");
    }
    return lang == Lang::kZh ? fmt::format("{:.1f} 个/年", *a.count_needed_per_year)
                             : fmt::format("{:.1f}/yr", *a.count_needed_per_year);
  }
  return "";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items)
    out += (out.empty() ? "" : "; ") + s;
  return out;
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    char32_t c = len == 1 ? b : b & (0xFF >> (len + 1));
    for (int k = 1; k < len && i + k < s.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    width += is_wide(c) ? 2 : 1;
    i += static_cast<std::size_t>(len);
  }
  return width;
}

std::string format_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(widths[c] - display_width(row[c]), ' ');
      const bool align_right = c < right.size() && right[c];
      line += align_right ? pad + row[c] : row[c] + (c + 1 < row.size() ? pad : "");
      if (c + 1 < row.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string format_check(const app::CheckReport& report, Lang lang) {
  const Words& w = words(lang);
  const bool zh = lang == Lang::kZh;
  std::string out =
      fmt::format("{} · {} {} · {} {}\n{}\n\n",
                  zh || report.plan.title.en.empty() ? report.plan.title.zh : report.plan.title.en, w.as_of,
                  date_of(report.as_of).to_string(), w.data_as_of,
                  report.data_as_of > 0 ? date_of(report.data_as_of).to_string() : w.none,
                  report.include_sample ? w.sample_included : w.sample_excluded);
  std::vector<std::vector<std::string>> rows{w.header};
  std::string notes;
  for (std::size_t i = 0; i < report.targets.size(); ++i) {
    const auto& t = report.targets[i];
    const std::string title = zh || t.title.en.empty() ? t.title.zh : t.title.en;
    const std::string status =
        zh ? engine::to_string_zh(t.assessment.status) : engine::to_string(t.assessment.status);
    rows.push_back({std::to_string(i + 1), title,
                    t.baseline ? fmt::format("{}{} ({})", qualifier_mark(t.baseline_qualifier, lang),
                                             amount(*t.baseline, t, lang), t.baseline_period)
                               : w.none,
                    t.latest ? amount(*t.latest, t, lang) + (t.uses_sample ? w.sample_mark : "") : w.none,
                    t.latest ? t.latest_period : w.none, goal_text(t, lang), std::to_string(t.deadline),
                    needed(t, lang), status});
    notes +=
        fmt::format("[{}] {} · {}: {} · {}: {} · {}: {}\n", i + 1, t.id, w.indicator, t.indicator, w.figures,
                    t.provenance.empty() ? w.none : join(t.provenance), w.target_source, t.target_provenance);
    if (t.problem) notes += fmt::format("    {}: {}\n", w.problem, t.problem->message);
  }
  out += format_table(rows, {true, false, true, true, false, true, false, true, false});
  return out + "\n" + notes;
}

namespace {

std::string percent_text(double share) {
  return fmt::format("{:.0f}%", share * 100.0);
}

std::string growth_text(const std::optional<double>& g) {
  return g ? fmt::format("{:+.1f}%", *g * 100.0) : std::string("—");
}

// A fan value in the target's unit (rounded to a whole unit).
std::string fan_value(double v, const app::TargetCheck& t, Lang lang) {
  return amount(static_cast<std::int64_t>(std::llround(v)), t, lang);
}

}  // namespace

std::string format_forecast(const app::ForecastReport& report, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::string out =
      fmt::format("{} · {} {} · {} {} · {} {}\n{}\n\n",
                  zh || report.plan.title.en.empty() ? report.plan.title.zh : report.plan.title.en,
                  zh ? "预测基准日" : "as of", date_of(report.as_of).to_string(), zh ? "模拟次数" : "runs",
                  report.runs, zh ? "随机种子" : "seed", report.seed,
                  report.include_sample ? (zh ? "含示例数据（sample）" : "sample data included")
                                        : (zh ? "不含示例数据" : "sample data left out"));
  std::vector<std::vector<std::string>> rows{
      zh ? std::vector<std::string>{"#", "目标", "目标值", "期限", "状态", "达成概率", "P10", "P50", "P90"}
         : std::vector<std::string>{"#", "target", "goal", "by", "status", "P(met)", "P10", "P50", "P90"}};
  std::string notes;
  for (std::size_t i = 0; i < report.targets.size(); ++i) {
    const app::TargetOutlook& o = report.targets[i];
    const app::TargetCheck& t = o.check;
    const engine::TargetForecast& f = o.forecast;
    const std::string title = zh || t.title.en.empty() ? t.title.zh : t.title.en;
    const std::string status =
        zh ? engine::to_string_zh(t.assessment.status) : engine::to_string(t.assessment.status);
    std::vector<std::string> row{std::to_string(i + 1), title, goal_text(t, lang), std::to_string(t.deadline),
                                 status};
    if (f.probability && !f.fan.empty()) {
      const engine::FanPoint& end = f.fan.back();
      row.push_back(percent_text(*f.probability) + (f.uses_sample ? "*" : ""));
      row.push_back(fan_value(end.p10, t, lang));
      row.push_back(fan_value(end.p50, t, lang));
      row.push_back(fan_value(end.p90, t, lang));
    } else {
      row.insert(row.end(), {"—", "—", "—", "—"});
    }
    rows.push_back(std::move(row));
    if (!f.probability) {
      notes += fmt::format("[{}] {}: {}: {}\n", i + 1, t.id, zh ? "不作预测" : "not forecast", f.unsupported);
    }
    if (o.took) {
      const app::WhatItTook& w = *o.took;
      std::string line = fmt::format("[{}] {}: ", i + 1, t.id);
      if (w.shortfall > 0) {
        line += fmt::format("{} {}", zh ? "距目标差" : "fell short by", amount(w.shortfall, t, lang));
      } else {
        line += zh ? "已达成" : "met";
      }
      if (w.growth_needed) {
        line += fmt::format(fmt::runtime(zh ? " · 自{}年（{}）起需年均增长 {}，实际 {}"
                                            : " · from {} ({}) it took {} a year; the figures show {}"),
                            *w.from_year, amount(*w.from_value, t, lang), growth_text(w.growth_needed),
                            growth_text(w.growth_achieved));
      }
      notes += line + "\n";
      for (std::size_t m = 0; m < w.missed.size(); ++m) {
        const engine::MissedProject& p = w.missed[m];
        const std::string planned = fmt::format("{}-{:02}", year_of(p.planned), month_of(p.planned));
        const std::string when = p.commissioned ? date_of(*p.commissioned).to_string()
                                                : std::string(zh ? "期限前未投产" : "not by the deadline");
        notes += fmt::format(
            fmt::runtime(zh ? "    {}：计划 {} 投产，{}；按期可在 {} 年增加 {}\n"
                            : "    {}: planned for {}, {}; on time it would have added {} in {}\n"),
            w.missed_ids[m], planned, when,
            zh ? std::to_string(t.deadline) : amount(std::llround(p.output), t, lang),
            zh ? amount(std::llround(p.output), t, lang) : std::to_string(t.deadline));
      }
    }
    if (!o.projects.empty()) {
      notes +=
          fmt::format("[{}] {}: {}\n", i + 1, zh ? "相关重点项目" : "projects feeding it", join(o.projects));
    }
  }
  out += format_table(rows, {true, false, true, false, false, true, true, true, true});
  out += "\n" + notes;
  out += fmt::format(
      fmt::runtime(
          zh ? "\n模型假设：收缩系数 k = {}，爬坡 {} 个月，项目取消概率 {}，段内相关系数默认 "
               "{}（docs/forecast.md）。* 含示例数据。\n"
             : "\nAssumptions: shrinkage k = {}, ramp-up {} months, cancellation {}, default correlation {} "
               "(docs/forecast.md). * rests on sample data.\n"),
      report.settings.shrinkage, report.settings.ramp_months, report.settings.cancellation,
      report.settings.correlation);
  return out;
}

std::string format_backtest(const app::BacktestReport& report, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::string out = fmt::format(
      "{} · {} · {} {} · {} {}\n\n",
      zh || report.plan.title.en.empty() ? report.plan.title.zh : report.plan.title.en,
      zh ? "预测回测（以各年年中、年末为基准日预测，与其后数据对照）"
         : "back-test (forecast from each mid-year and year-end, scored against the later figures)",
      zh ? "模拟次数" : "runs", report.runs, zh ? "种子" : "seed", report.seed);
  std::vector<std::vector<std::string>> rows{
      zh ? std::vector<std::string>{"基准日", "检验点", "P10–P90 覆盖率", "期末 P50 平均误差", "Brier"}
         : std::vector<std::string>{"as of", "points", "P10–P90 held", "MAPE of deadline P50", "Brier"}};
  const auto row = [&](const std::string& label, const app::Calibration& c) {
    rows.push_back({label, std::to_string(c.points),
                    c.points > 0 ? fmt::format("{:.0f}%", c.coverage() * 100) : "—",
                    c.deadline_points > 0 ? fmt::format("{:.1f}%", c.mape * 100) : "—",
                    c.brier_points > 0 ? fmt::format("{:.3f}", c.brier) : "—"});
  };
  for (std::size_t i = 0; i < report.as_of.size(); ++i)
    row(date_of(report.as_of[i]).to_string(), report.by_as_of[i]);
  row(zh ? "合计" : "overall", report.overall);
  out += format_table(rows, {false, true, true, true, true});
  out += zh ? "\n覆盖率理想值 80%；Brier 分数越低越好（恒报 50% 为 0.25）。已由完整数据确定的点不计入。\n"
            : "\nIdeal coverage 80 %; a lower Brier score is better (always 50 % scores 0.25). Points the "
              "figures "
              "already settled are left out.\n";
  return out;
}

void print_check(const app::CheckReport& report, Lang lang, std::FILE* out) {
  fmt::print(out, "{}", format_check(report, lang));
}

std::string format_plans(const PlanSet& plans) {
  const auto summaries = app::summarize(plans);
  if (summaries.size() == 1 && summaries.front().plan.id.empty()) {
    return "no plan in this database (atlas import --db FILE PLAN_DIR adds one) / 数据库中还没有规划\n";
  }
  std::vector<std::vector<std::string>> rows{{"id", "规划 plan", "文号 document", "期间 years",
                                              "区县 counties", "企业 enterprises", "目标 targets", ""}};
  for (const app::PlanSummary& p : summaries) {
    rows.push_back({p.plan.id, p.plan.title.zh, p.plan.document,
                    fmt::format("{}–{}", p.plan.start_year, p.plan.end_year), std::to_string(p.counties),
                    std::to_string(p.enterprises), std::to_string(p.targets),
                    p.is_default ? "默认 default" : ""});
  }
  return format_table(rows, {false, false, false, false, true, true, true, false});
}

namespace {

const std::string& pick(const Names& n, Lang lang) {
  return lang == Lang::kEn && !n.en.empty() ? n.en : n.zh;
}

}  // namespace

// The Chinese heading of a grouping field; the field itself when it has none.
std::string field_zh(const std::string& field) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kNames{
      {{"county", "区县"},
       {"zone", "园区"},
       {"segment", "细分领域"},
       {"class", "产品类别"},
       {"subsystem", "子系统"},
       {"category", "大类"},
       {"type", "项目类型"},
       {"kind", "类型"},
       {"level", "级别"},
       {"chain", "产业链"},
       {"link", "环节"}}};
  for (const auto& [en, zh] : kNames) {
    if (en == field) return std::string(zh);
  }
  return field;
}

std::string format_target_groups(const std::vector<app::TargetGroups>& groups,
                                 const std::vector<std::pair<std::string, std::string>>& refused, Lang lang) {
  const bool en = lang == Lang::kEn;
  const Words& w = words(lang);
  std::string out;
  for (const app::TargetGroups& g : groups) {
    const app::TargetCheck& t = g.check;
    const query::GroupedResult& r = g.result;
    const query::IndicatorResult& total = r.total;
    const bool shares = !r.overlapping && !total.ratio && total.has_value && total.value > 0;
    const std::string covered = total.coverage_text();
    if (!out.empty()) out += '\n';
    out += fmt::format("{} ({}) — {}{}\n", en && !t.title.en.empty() ? t.title.en : t.title.zh, t.id,
                       g.expression, covered.empty() ? "" : fmt::format(" [{}]", covered));
    std::vector<std::vector<std::string>> rows{
        en ? std::vector<std::string>{g.by, "value", "share", "records", "figures to"}
           : std::vector<std::string>{field_zh(g.by), "数值", "占比", "记录数", "数据截至"}};
    auto value_text = [&](bool has_value, std::int64_t v, bool sample) {
      return has_value ? amount(v, t, lang) + (sample ? w.sample_mark : "") : std::string(w.none);
    };
    for (const query::GroupValue& v : r.groups) {
      const std::string name = v.key
                                   ? fmt::format("{} {}", pick(r.keys[*v.key].name, lang), r.keys[*v.key].id)
                                   : std::string(en ? "(not recorded)" : "（未登记）");
      const std::string share = shares && v.has_value && v.value >= 0
                                    ? format_percent((v.value * 10000 + total.value / 2) / total.value * 100)
                                    : std::string(w.none);
      const std::string partial = query::group_complete(v, total.period) || v.contributors == 0
                                      ? std::string()
                                      : query::group_coverage_text(v, total.period);
      rows.push_back({name, value_text(v.has_value, v.value, v.includes_sample), share,
                      std::to_string(v.contributors), partial});
    }
    rows.push_back({en ? "total" : "合计", value_text(total.has_value, total.value, total.includes_sample),
                    shares ? "100%" : w.none, std::to_string(total.contributors()), ""});
    out += format_table(rows, {false, true, true, true, false});
    if (r.overlapping) {
      out += en ? "groups overlap (a record may count in several), so they need not add up to the total\n"
                : "各组有重叠（一条记录可计入多组），各组之和不必等于合计\n";
    }
  }
  if (!refused.empty()) {
    out += en ? "\nnot grouped:\n" : "\n无法分组：\n";
    for (const auto& [id, why] : refused)
      out += fmt::format("  {}: {}\n", id, why);
  }
  return out;
}

std::string format_gaps(const Snapshot& s, const std::vector<engine::ChainAssessment>& chains, Lang lang) {
  const bool en = lang == Lang::kEn;
  std::string out;
  for (const engine::ChainAssessment& a : chains) {
    const ChainRecord& chain = s.chains[a.chain];
    const std::string area = a.county.valid() ? pick(s.counties[a.county.value].name, lang)
                                              : (en ? "the plan's region" : "规划全域");
    std::array<int, 3> counts{};
    for (const engine::LinkAssessment& l : a.links)
      ++counts[static_cast<std::size_t>(l.verdict)];
    if (!out.empty()) out += '\n';
    out += en ? fmt::format("{} ({}) — {}, {}: {} of {} links made locally; {} strong, {} weak, {} missing\n",
                            pick(chain.name, lang), chain.id, area, a.year, a.present, a.links.size(),
                            counts[2], counts[1], counts[0])
              : fmt::format("{}（{}）— {}，{}年：{}个环节中{}个有本地企业；强链{}个、弱链{}个、缺链{}个\n",
                            chain.name.zh, chain.id, area, a.year, a.links.size(), a.present, counts[2],
                            counts[1], counts[0]);
    if (a.gaps.empty()) {
      out += en ? "no weak or missing link\n" : "无弱链、缺链\n";
    } else {
      std::vector<std::vector<std::string>> rows{
          en ? std::vector<std::string>{"#", "link", "verdict", "makers", "why", "projects"}
             : std::vector<std::string>{"#", "环节", "判断", "企业", "依据", "项目"}};
      int rank = 0;
      for (std::uint32_t g : a.gaps) {
        const engine::LinkAssessment& l = a.links[g];
        std::string why;
        std::string projects = "—";
        for (const engine::Evidence& ev : l.evidence) {
          if (ev.measure == engine::Measure::kPipeline) {
            if (!l.pipeline.empty()) projects = pick(ev.text, lang);
            continue;
          }
          if (!ev.decided) continue;
          if (!why.empty()) why += en ? "; " : "；";
          why += pick(ev.text, lang);
        }
        const std::string verdict = en ? engine::to_string(l.verdict) : engine::to_string_zh(l.verdict);
        rows.push_back({std::to_string(++rank), pick(chain.links[g].name, lang) + " " + chain.links[g].id,
                        verdict + (l.sample ? (en ? " (sample)" : "（含样例）") : ""),
                        std::to_string(l.makers.size()), why, projects});
      }
      out += format_table(rows, {true, false, false, true, false, false});
    }
    std::vector<std::string> strong;
    for (const engine::LinkAssessment& l : a.links) {
      if (l.verdict == engine::Verdict::kStrong) strong.push_back(pick(chain.links[l.link].name, lang));
    }
    if (!strong.empty())
      out += (en ? "strong: " : "强链：") + fmt::format("{}\n", fmt::join(strong, en ? ", " : "、"));
  }
  out += en ? "\nmethod: docs/chains.md; thresholds: the plan's chain rules ("
            : "\n方法见 docs/chains.md；阈值取自规划的 chain_rules（";
  out += s.plan.chain_rules.provenance.empty() ? (en ? "Cluster Atlas defaults" : "Cluster Atlas 默认值")
                                               : s.plan.chain_rules.provenance;
  out += en ? ")\n" : "）\n";
  return out;
}

std::string format_gaps_every_county(const Snapshot& s, const std::vector<engine::ChainAssessment>& counties,
                                     Lang lang) {
  const bool en = lang == Lang::kEn;
  if (counties.empty()) return {};
  const ChainRecord& chain = s.chains[counties.front().chain];
  std::string out =
      en ? fmt::format("{} ({}) — every county, {}\n", pick(chain.name, lang), chain.id,
                       counties.front().year)
         : fmt::format("{}（{}）— 各区县，{}年\n", chain.name.zh, chain.id, counties.front().year);
  std::vector<std::vector<std::string>> rows{
      en ? std::vector<std::string>{"county", "made locally", "strong", "weak", "missing", "first gaps"}
         : std::vector<std::string>{"区县", "本地有企业", "强链", "弱链", "缺链", "首要短板"}};
  for (const engine::ChainAssessment& a : counties) {
    std::array<int, 3> counts{};
    for (const engine::LinkAssessment& l : a.links)
      ++counts[static_cast<std::size_t>(l.verdict)];
    std::vector<std::string> first;
    for (std::size_t i = 0; i < a.gaps.size() && i < 3; ++i)
      first.push_back(pick(chain.links[a.gaps[i]].name, lang));
    rows.push_back({pick(s.counties[a.county.value].name, lang),
                    fmt::format("{}/{}", a.present, a.links.size()), std::to_string(counts[2]),
                    std::to_string(counts[1]), std::to_string(counts[0]),
                    first.empty() ? "—" : fmt::format("{}", fmt::join(first, en ? ", " : "、"))});
  }
  out += format_table(rows, {false, true, true, true, true, false});
  return out + "\n";
}

std::string format_candidates(const Snapshot& s, const engine::ChainAssessment& chain, std::uint32_t link,
                              const std::vector<engine::CandidateScore>& ranked, Lang lang) {
  const bool en = lang == Lang::kEn;
  const ChainRecord& c = s.chains[chain.chain];
  const engine::LinkAssessment& l = chain.links[link];
  std::string out =
      en ? fmt::format("Candidates for {} ({}/{}), a {} link of the {}\n", pick(c.links[link].name, lang),
                       c.id, c.links[link].id, engine::to_string(l.verdict), pick(c.name, lang))
         : fmt::format("候选企业：{}（{}/{}），{}的{}\n", c.links[link].name.zh, c.id, c.links[link].id,
                       c.name.zh, engine::to_string_zh(l.verdict));
  if (ranked.empty()) {
    out += en ? "no candidate makes this link (candidates.csv: its link, or classes of the link)\n"
              : "没有候选企业生产该环节（candidates.csv 的 link 或 classes）\n";
  } else {
    std::vector<std::vector<std::string>> rows{
        en ? std::vector<std::string>{"#", "firm", "region", "score", "why"}
           : std::vector<std::string>{"#", "企业", "地区", "得分", "理由"}};
    int rank = 0;
    for (const engine::CandidateScore& r : ranked) {
      const CandidateRecord& cand = s.candidates[r.candidate];
      std::string why;
      for (const engine::FeatureScore& f : r.features) {
        if (f.points <= 0) continue;
        if (!why.empty()) why += en ? "; " : "；";
        why += fmt::format("{} (+{:.1f})", pick(f.text, lang), f.points);
      }
      rows.push_back(
          {std::to_string(++rank),
           pick(cand.name, lang) + " " + cand.id + (r.sample ? (en ? " (sample)" : "（样例）") : ""),
           cand.region, fmt::format("{:.1f}", r.score), why.empty() ? "—" : why});
    }
    out += format_table(rows, {true, false, false, true, false});
  }
  const AttractionRules& w = s.plan.attraction;
  out += fmt::format(
      fmt::runtime(
          en ? "\nweights: gap {}, ties {}, scale {}, region {}, named {} — method: docs/chains.md\n"
             : "\n权重：补链 {}、已有配套 {}、规模 {}、地区 {}、规划点名 {}——方法见 docs/chains.md\n"),
      static_cast<double>(w.weight_gap) / 1e6, static_cast<double>(w.weight_ties) / 1e6,
      static_cast<double>(w.weight_scale) / 1e6, static_cast<double>(w.weight_region) / 1e6,
      static_cast<double>(w.weight_named) / 1e6);
  return out;
}

std::string format_plans_json(const PlanSet& plans) {
  return app::plans_json(plans);
}

}  // namespace atlas::cli
