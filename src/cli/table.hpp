// Terminal tables for the CLI: column widths that count a Chinese character as two cells.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "app/chains.hpp"
#include "app/check.hpp"
#include "app/forecast.hpp"
#include "app/target_groups.hpp"
#include "model/plan_set.hpp"

namespace atlas::cli {

enum class Lang { kZh, kEn };

/// Terminal cells a UTF-8 text takes: East Asian wide and full-width characters count two.
[[nodiscard]] std::size_t display_width(std::string_view utf8);

/// Rows of cells laid out in columns separated by two spaces; `right` marks right-aligned columns.
[[nodiscard]] std::string format_table(const std::vector<std::vector<std::string>>& rows,
                                       const std::vector<bool>& right);

/// The `atlas check` report: a header, one row per target, then each target's indicator and
/// provenance, and the legend of statuses.
[[nodiscard]] std::string format_check(const app::CheckReport& report, Lang lang);

/// `atlas forecast`: per target its status, the probability of meeting the goal by the deadline,
/// P10 / P50 / P90 at the deadline, and for a final target what it would have taken; then the
/// model's runs, seed and assumptions.
[[nodiscard]] std::string format_forecast(const app::ForecastReport& report, Lang lang);

/// `atlas forecast --backtest`: per as-of date and overall, how often the P10–P90 band held, the
/// MAPE of the deadline year's P50 and the Brier score.
[[nodiscard]] std::string format_backtest(const app::BacktestReport& report, Lang lang);
void print_check(const app::CheckReport& report, Lang lang, std::FILE* out = stdout);

/// `atlas check --by FIELD`: per target a header (title, id, what was evaluated, its period), then
/// one row per group (name, value in the target's unit with a * when sample, share of the total,
/// contributors, coverage when partial) and the total; then the targets that cannot be grouped so.
[[nodiscard]] std::string format_target_groups(
    const std::vector<app::TargetGroups>& groups,
    const std::vector<std::pair<std::string, std::string>>& refused, Lang lang);

/// `atlas plans`: one row per plan (id, title, document, years, counties, enterprises, targets,
/// default mark), or a line saying the database holds none.
[[nodiscard]] std::string format_plans(const PlanSet& plans);
/// `atlas plans --json`.
[[nodiscard]] std::string format_plans_json(const PlanSet& plans);

/// `atlas gaps`: per chain a header (area, year, links present, verdict counts), then its weak and
/// missing links by importance with the evidence that decided each and the projects that fill it,
/// then its strong links on one line.
[[nodiscard]] std::string format_gaps(const Snapshot& s, const std::vector<engine::ChainAssessment>& chains,
                                      Lang lang);

/// `atlas gaps --every-county`: per chain a header, then one row per county (links made locally,
/// strong, weak, missing, the first three gaps by importance).
[[nodiscard]] std::string format_gaps_every_county(const Snapshot& s,
                                                   const std::vector<engine::ChainAssessment>& counties,
                                                   Lang lang);

/// `atlas candidates LINK`: the link and its verdict, then one row per candidate (rank, name, region,
/// score, each feature that scored with its points), then the weights.
[[nodiscard]] std::string format_candidates(const Snapshot& s, const engine::ChainAssessment& chain,
                                            std::uint32_t link,
                                            const std::vector<engine::CandidateScore>& ranked, Lang lang);

}  // namespace atlas::cli
