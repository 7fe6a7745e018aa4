#pragma once
// One HTTP POST of a JSON body through a CurlMulti: no redirects followed,
// http and https only, the response's status, Retry-After and (the start of)
// its body kept.

#include <curl/curl.h>

#include <functional>
#include <string>
#include <vector>

#include "notifiers/curl_multi.h"
#include "notifiers/http_response.h"

namespace touchbase {

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value", added to Content-Type: application/json
  std::string body;
};

// `code` is CURLE_OK when a response arrived (whatever its status);
// otherwise `error_text` is curl's description and `response` is empty.
using HttpCompletion = std::function<void(CURLcode code, const HttpResponse& response, const std::string& error_text)>;

// Starts the POST; `done` is called on the io_context.
void post_json(CurlMulti& curl, HttpRequest request, const TransferTimeouts& timeouts, HttpCompletion done);

}  // namespace touchbase
