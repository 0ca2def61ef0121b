// The API over real HTTP (an ephemeral port) on the embedded Meizhou data, against golden files:
// every endpoint, filters, paging, as_of, sample=false and bad input. The cases are
// tests/golden/api/cases.txt; each answer (status, content type, pretty JSON) is <name>.txt beside it.
// After an intended change: ATLAS_UPDATE_GOLDEN=1 ctest -R ApiGolden, then review the diff.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "api_fixture.hpp"
#include "golden.hpp"

namespace {

namespace json = boost::json;

const std::string kGoldenDir = std::string(ATLAS_SOURCE_DIR) + "/tests/golden/api/";

struct Case {
  std::string name;
  std::string method;
  std::string target;
  std::string body;
};

// How gtest names a case in its messages.
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.method << " " << c.target;
}

std::vector<Case> read_cases() {
  std::vector<Case> cases;
  std::ifstream in(kGoldenDir + "cases.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    Case c;
    fields >> c.name >> c.method >> c.target;
    std::getline(fields >> std::ws, c.body);
    cases.push_back(std::move(c));
  }
  return cases;
}

void pretty(std::ostream& out, const json::value& v, int indent);

void pretty_object(std::ostream& out, const json::object& o, int indent) {
  if (o.empty()) {
    out << "{}";
    return;
  }
  out << "{\n";
  std::size_t i = 0;
  for (const auto& [key, value] : o) {
    out << std::string(indent + 2, ' ') << json::serialize(json::string(key)) << ": ";
    pretty(out, value, indent + 2);
    out << (++i < o.size() ? ",\n" : "\n");
  }
  out << std::string(indent, ' ') << "}";
}

void pretty_array(std::ostream& out, const json::array& a, int indent) {
  if (a.empty()) {
    out << "[]";
    return;
  }
  out << "[\n";
  for (std::size_t i = 0; i < a.size(); ++i) {
    out << std::string(indent + 2, ' ');
    pretty(out, a[i], indent + 2);
    out << (i + 1 < a.size() ? ",\n" : "\n");
  }
  out << std::string(indent, ' ') << "]";
}

// Indented JSON, members in the order the server wrote them, so a diff shows the field that moved.
void pretty(std::ostream& out, const json::value& v, int indent) {
  if (v.is_object()) {
    pretty_object(out, v.as_object(), indent);
  } else if (v.is_array()) {
    pretty_array(out, v.as_array(), indent);
  } else {
    out << json::serialize(v);
  }
}

std::string render(const atlas::testing::HttpResult& r) {
  std::ostringstream out;
  out << "HTTP " << r.status << " " << r.content_type << "\n";
  if (r.json.is_null()) {
    out << r.body << "\n";
  } else {
    pretty(out, r.json, 0);
    out << "\n";
  }
  return out.str();
}

class ApiGolden : public atlas::testing::ApiHttpTest, public ::testing::WithParamInterface<Case> {};

TEST_P(ApiGolden, AnswersAsTheGoldenFileSays) {
  const Case& c = GetParam();
  const auto r = c.method == "POST" ? post(c.target, c.body) : request(c.method, c.target, c.body);
  ASSERT_NE(r.status, 0) << "no answer to " << c.method << " " << c.target;
  const std::string actual = render(r);
  atlas::testing::expect_golden_file(kGoldenDir + c.name + ".txt", actual, c.method + " " + c.target);
}

INSTANTIATE_TEST_SUITE_P(Cases, ApiGolden, ::testing::ValuesIn(read_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.name;
                           for (char& ch : name) {
                             if (ch == '-') ch = '_';
                           }
                           return name;
                         });

}  // namespace
