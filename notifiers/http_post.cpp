#include "notifiers/http_post.h"

#include <algorithm>
#include <cctype>

namespace touchbase {
namespace {

constexpr const char* k_user_agent = "touchbase/" TOUCHBASE_VERSION;

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

class HttpTransfer final : public CurlTransfer {
 public:
  HttpTransfer(HttpRequest request, const TransferTimeouts& timeouts, HttpCompletion done)
      : request_(std::move(request)), done_(std::move(done)) {
    CURL* easy = this->easy();
    headers_ = curl_slist_append(headers_, "Content-Type: application/json");
    headers_ = curl_slist_append(headers_, "Expect:");  // no 100-continue round trip
    for (const auto& header : request_.headers) headers_ = curl_slist_append(headers_, header.c_str());
    set_url(request_.url);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request_.body.data());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request_.body.size()));
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers_);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, k_user_agent);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &HttpTransfer::on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &HttpTransfer::on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
    apply_timeouts(timeouts);
  }
  ~HttpTransfer() override { curl_slist_free_all(headers_); }

  void finished(CURLcode code) override {
    if (code != CURLE_OK) {
      done_(code, HttpResponse{}, error_text());
      return;
    }
    curl_easy_getinfo(easy(), CURLINFO_RESPONSE_CODE, &response_.status);
    done_(code, response_, {});
  }

 private:
  static size_t on_body(char* data, size_t size, size_t count, void* self) {
    auto& body = static_cast<HttpTransfer*>(self)->response_.body;
    const size_t length = size * count;
    body.append(data, std::min(length, k_max_response_body - std::min(body.size(), k_max_response_body)));
    return length;
  }

  static size_t on_header(char* data, size_t size, size_t count, void* self) {
    auto* transfer = static_cast<HttpTransfer*>(self);
    const std::string_view line(data, size * count);
    if (starts_with_ci(line, "HTTP/")) {
      transfer->response_.retry_after.clear();  // a new response (after 1xx) starts
    } else if (starts_with_ci(line, "Retry-After:")) {
      std::string value(line.substr(12));
      while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
      transfer->response_.retry_after = value;
    }
    return size * count;
  }

  HttpRequest request_;
  HttpCompletion done_;
  curl_slist* headers_ = nullptr;
  HttpResponse response_;
};

}  // namespace

void post_json(CurlMulti& curl, HttpRequest request, const TransferTimeouts& timeouts, HttpCompletion done) {
  curl.start(std::make_unique<HttpTransfer>(std::move(request), timeouts, std::move(done)));
}

}  // namespace touchbase
