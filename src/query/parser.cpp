#include "query/parser.hpp"

#include <array>

#include <fmt/format.h>

#include "query/internal/lexer.hpp"
#include "query/internal/period_literal.hpp"
#include "query/internal/suggest.hpp"
#include "query/schema.hpp"

namespace atlas::query {
namespace {

using internal::Token;
using internal::TokenKind;

constexpr std::array<std::pair<std::string_view, Aggregate>, 6> kAggregates{{
    {"count", Aggregate::kCount},
    {"sum", Aggregate::kSum},
    {"avg", Aggregate::kAvg},
    {"min", Aggregate::kMin},
    {"max", Aggregate::kMax},
    {"figure", Aggregate::kFigure},
}};

std::optional<CompareOp> compare_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEqual:
      return CompareOp::kEqual;
    case TokenKind::kNotEqual:
      return CompareOp::kNotEqual;
    case TokenKind::kLess:
      return CompareOp::kLess;
    case TokenKind::kLessEqual:
      return CompareOp::kLessEqual;
    case TokenKind::kGreater:
      return CompareOp::kGreater;
    case TokenKind::kGreaterEqual:
      return CompareOp::kGreaterEqual;
    default:
      return std::nullopt;
  }
}

Condition make_condition(ConditionKind kind, SourcePos pos) {
  Condition c;
  c.kind = kind;
  c.pos = pos;
  return c;
}

class Parser {
 public:
  Parser(std::string_view source, std::vector<Token> tokens, const Limits& limits)
      : tokens_(std::move(tokens)), limits_(limits) {
    out_.source = std::string(source);
  }

  Result<Indicator> run() && {
    if (auto r = part(out_); !r) return std::unexpected(r.error());
    if (peek().kind == TokenKind::kSlash) {
      out_.divide_pos = take().pos;
      Indicator divisor;
      if (auto r = part(divisor); !r) return std::unexpected(r.error());
      out_.divisor.push_back(std::move(divisor));
      if (peek().kind == TokenKind::kSlash) {
        return error_at(peek().pos, "a ratio divides one aggregate by one other: a / b / c is not read");
      }
    }
    if (accept(TokenKind::kIn)) {
      auto period = internal::parse_period_literal(tokens_, pos_);
      if (!period) return std::unexpected(period.error());
      out_.period = std::move(*period);
    }
    if (is_word(peek(), "group")) {
      if (auto r = group_by(); !r) return std::unexpected(r.error());
    }
    if (peek().kind == TokenKind::kEnd) return std::move(out_);
    if (!out_.group_by.empty()) return unexpected_here("the end of the indicator: \"group by\" comes last");
    if (out_.period && peek().kind == TokenKind::kSlash) {
      return error_at(peek().pos,
                      fmt::format("unexpected \"/\": a ratio takes one period, at its end — write "
                                  "\"sum(a) / sum(b) in {}\"",
                                  out_.period->text));
    }
    if (out_.period && (peek().kind == TokenKind::kAnd || peek().kind == TokenKind::kOr)) {
      return error_at(peek().pos, fmt::format("unexpected \"{}\": the period ends the indicator — put every "
                                              "condition before \"in {}\"",
                                              peek().text, out_.period->text));
    }
    return unexpected_here("the end of the indicator");
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  static bool is_word(const Token& t, std::string_view word) {
    return t.kind == TokenKind::kIdentifier && t.text == word;
  }

  // group by FIELD: after the period (or the last condition), ending the indicator.
  Result<void> group_by() {
    take();  // group
    if (!is_word(peek(), "by")) return unexpected_here("\"by\" (group by county)");
    take();
    const Token& field = peek();
    if (field.kind != TokenKind::kIdentifier) {
      return unexpected_here("the field to group by: county, zone, segment, class, subsystem or category");
    }
    out_.group_by = field.text;
    out_.group_by_pos = take().pos;
    return {};
  }
  const Token& take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool accept(TokenKind kind) {
    if (peek().kind != kind) return false;
    ++pos_;
    return true;
  }

  static std::unexpected<Error> error_at(const SourcePos& pos, std::string message) {
    return fail(ErrorCode::kSyntaxError, std::move(message), {}, Location{{}, 0, pos.column});
  }
  std::unexpected<Error> unexpected_here(std::string_view expected) const {
    const Token& t = peek();
    if (t.kind == TokenKind::kEnd) {
      return error_at(t.pos, fmt::format("unexpected end of input: expected {}", expected));
    }
    return error_at(t.pos, fmt::format("unexpected {}: expected {}", internal::describe(t), expected));
  }

  Result<void> expect(TokenKind kind, std::string_view what) {
    if (accept(kind)) return {};
    return unexpected_here(what);
  }

  // aggregate [where condition], into `into` (the indicator, or the divisor of a ratio).
  Result<void> part(Indicator& into) {
    current_ = &into;
    if (auto r = aggregate(); !r) return r;
    if (accept(TokenKind::kWhere)) {
      auto root = condition();
      if (!root) return std::unexpected(root.error());
      into.where = *root;
    }
    current_ = &out_;
    return {};
  }

  Result<void> aggregate() {
    const Token& name = peek();
    if (name.kind != TokenKind::kIdentifier) return unexpected_here("count, sum, avg, min, max or figure");
    const auto* found = std::find_if(kAggregates.begin(), kAggregates.end(),
                                     [&](const auto& a) { return a.first == name.text; });
    if (found == kAggregates.end()) {
      internal::Suggester suggester(name.text);
      for (const auto& a : kAggregates)
        suggester.consider(a.first);
      return error_at(name.pos,
                      fmt::format("unknown aggregate \"{}\": expected count, sum, avg, min, max or figure{}",
                                  name.text, suggester.hint()));
    }
    current_->aggregate = found->second;
    current_->aggregate_pos = take().pos;
    if (auto r = expect(TokenKind::kLeftParen, "\"(\""); !r) return r;
    if (current_->aggregate == Aggregate::kCount && peek().kind == TokenKind::kIdentifier &&
        peek().text == "distinct") {
      return count_distinct();
    }
    const Token& subject = peek();
    if (subject.kind != TokenKind::kIdentifier) {
      return unexpected_here(current_->aggregate == Aggregate::kCount ? "a set such as enterprises"
                                                                      : "a field such as output_value");
    }
    current_->subject = subject.text;
    current_->subject_pos = take().pos;
    if (auto r = expect(TokenKind::kRightParen, "\")\""); !r) return r;
    if (current_->aggregate != Aggregate::kFigure) return {};
    // figure(METRIC) of "SUBJECT"
    const Token& of = peek();
    if (of.kind != TokenKind::kIdentifier || of.text != "of") {
      return unexpected_here(
          fmt::format("\"of\" and whose figure it is (figure({}) of \"region:china\")", current_->subject));
    }
    take();
    const Token& whose = peek();
    if (whose.kind != TokenKind::kString || whose.text.empty()) {
      return unexpected_here(
          "the figure's subject in double quotes (\"region:china\", \"cluster\", a zone id)");
    }
    current_->figure_of = whose.text;
    current_->figure_of_pos = take().pos;
    return {};
  }

  // count(distinct FIELD) of SET: after "count(distinct".
  Result<void> count_distinct() {
    take();  // distinct
    const Token& field = peek();
    if (field.kind != TokenKind::kIdentifier) return unexpected_here("the field to count the values of");
    current_->distinct = field.text;
    current_->distinct_pos = take().pos;
    if (auto r = expect(TokenKind::kRightParen, "\")\""); !r) return r;
    const Token& of = peek();
    if (of.kind != TokenKind::kIdentifier || of.text != "of") {
      return unexpected_here(
          fmt::format("\"of\" and the set whose {} values are counted (count(distinct {}) of "
                      "supplier_entries)",
                      current_->distinct, current_->distinct));
    }
    take();
    const Token& set = peek();
    if (set.kind != TokenKind::kIdentifier) return unexpected_here("a set such as supplier_entries");
    current_->subject = set.text;
    current_->subject_pos = take().pos;
    return {};
  }

  std::uint32_t add(Condition c) {
    current_->conditions.push_back(std::move(c));
    return static_cast<std::uint32_t>(current_->conditions.size() - 1);
  }

  // condition := term { "or" term } ; term := factor { "and" factor }
  Result<std::uint32_t> condition() { return chain(TokenKind::kOr, ConditionKind::kOr, &Parser::term); }
  Result<std::uint32_t> term() { return chain(TokenKind::kAnd, ConditionKind::kAnd, &Parser::factor); }

  Result<std::uint32_t> chain(TokenKind keyword, ConditionKind kind,
                              Result<std::uint32_t> (Parser::*operand)()) {
    auto first = (this->*operand)();
    if (!first || peek().kind != keyword) return first;
    Condition node = make_condition(kind, peek().pos);
    node.operands.push_back(*first);
    while (accept(keyword)) {
      auto next = (this->*operand)();
      if (!next) return next;
      node.operands.push_back(*next);
    }
    return add(std::move(node));
  }

  // One level deeper for `(` and `not`, refused past limits_.max_depth: the recursion below is the
  // only stack the parser (and later the checker and evaluator) spends per level.
  Result<void> descend() {
    if (++depth_ <= limits_.max_depth) return {};
    return limit_at(peek().pos, fmt::format("the condition nests \"(\" and \"not\" more than {} levels deep",
                                            limits_.max_depth));
  }
  static std::unexpected<Error> limit_at(const SourcePos& pos, std::string message) {
    return fail(ErrorCode::kLimitExceeded, std::move(message), {}, Location{{}, 0, pos.column});
  }

  Result<std::uint32_t> factor() {
    if (peek().kind == TokenKind::kNot) {
      if (auto r = descend(); !r) return std::unexpected(r.error());
      const SourcePos pos = take().pos;
      auto operand = factor();
      if (!operand) return operand;
      --depth_;
      Condition node = make_condition(ConditionKind::kNot, pos);
      node.operands.push_back(*operand);
      return add(std::move(node));
    }
    if (peek().kind == TokenKind::kLeftParen) {
      if (auto r = descend(); !r) return std::unexpected(r.error());
      take();
      auto inner = condition();
      if (!inner) return inner;
      --depth_;
      if (auto r = expect(TokenKind::kRightParen, "\")\" or a condition with and/or"); !r) {
        return std::unexpected(r.error());
      }
      return inner;
    }
    return leaf();
  }

  Result<std::uint32_t> leaf() {
    if (peek().kind != TokenKind::kIdentifier) return unexpected_here("a field, \"not\" or \"(\"");
    if (++leaves_ > limits_.max_conditions) {
      return limit_at(peek().pos,
                      fmt::format("the condition has more than {} comparisons: select by a taxonomy "
                                  "node, a zone or a group instead of listing records",
                                  limits_.max_conditions));
    }
    const Token& field = take();
    Condition c = make_condition(ConditionKind::kFlag, field.pos);
    c.field = field.text;
    if (auto op = compare_op(peek().kind)) {
      if (is_date_field(field.text)) {
        return fail(ErrorCode::kTypeError,
                    fmt::format("{} is a date: write \"{} in 2021..2025\" (a year, a month or a range)",
                                field.text, field.text),
                    {}, Location{{}, 0, peek().pos.column});
      }
      c.kind = ConditionKind::kCompare;
      c.op = *op;
      c.op_pos = take().pos;
      auto value = literal();
      if (!value) return std::unexpected(value.error());
      c.literal = std::move(*value);
    } else if (peek().kind == TokenKind::kIn && is_date_field(field.text)) {
      take();
      auto period = internal::parse_period_literal(tokens_, pos_);
      if (!period) return std::unexpected(period.error());
      c.kind = ConditionKind::kWithin;
      c.period = std::move(*period);
    }
    return add(std::move(c));
  }

  Result<Literal> literal() {
    const Token& t = peek();
    LiteralKind kind = LiteralKind::kWord;
    switch (t.kind) {
      case TokenKind::kString:
        kind = LiteralKind::kString;
        break;
      case TokenKind::kNumber:
        kind = LiteralKind::kNumber;
        break;
      case TokenKind::kIdentifier:
        kind = LiteralKind::kWord;
        break;
      default:
        return unexpected_here("a value: a \"string\", an amount such as 10亿, or a word such as provincial");
    }
    take();
    return Literal{kind, t.text, t.pos};
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  Indicator out_;
  Indicator* current_ = &out_;  // the part being read: out_ or its divisor
  Limits limits_;
  std::size_t depth_ = 0;
  std::size_t leaves_ = 0;
};

}  // namespace

Result<Indicator> parse_indicator(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_bytes) {
    return fail(
        ErrorCode::kLimitExceeded,
        fmt::format("the indicator is {} bytes long; at most {} are read", text.size(), limits.max_bytes), {},
        Location{{}, 0, internal::column_at(text, limits.max_bytes)});
  }
  auto tokens = internal::lex(text);
  if (!tokens) return std::unexpected(tokens.error());
  return Parser(text, std::move(*tokens), limits).run();
}

}  // namespace atlas::query
