// PLACEHOLDER (being written this session): the router; replaced by the real implementation.
#include "api/api.hpp"

#include <boost/json/serialize.hpp>

#include "api/internal/handler.hpp"

namespace atlas::api {

struct Api::Impl {
  ApiContext context;
  ApiOptions options;
};

Api::Api(ApiContext context, ApiOptions options)
    : impl_(std::make_unique<Impl>(Impl{std::move(context), options})) {
}
Api::~Api() = default;

const ApiOptions& Api::options() const {
  return impl_->options;
}

Response Api::problem(int status, std::string_view code, std::string_view detail_en,
                      std::string_view detail_zh) {
  boost::json::object o;
  o["type"] = std::string("/problems/") + std::string(code);
  o["title"] = code;
  o["status"] = status;
  o["detail"] = detail_en;
  o["code"] = code;
  o["message"] = {{"zh", detail_zh}, {"en", detail_en}};
  return Response{status, "application/problem+json", boost::json::serialize(o), {}};
}

Response Api::handle(const Request& /*request*/) const {
  return problem(501, "not-implemented", "not implemented yet", "尚未实现");
}

Response Api::body_too_large(const Request& /*request*/) const {
  return problem(413, "body-too-large", "request body too large", "请求体过大");
}

}  // namespace atlas::api
