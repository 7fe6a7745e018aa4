// The floor of what any libcurl program pays to deliver webhooks: a bare
// curl multi client that POSTs the same JSON body N times to one URL with a
// fixed number of transfers in flight, reusing its easy handles and
// connections. Nothing is read from or written to disk.
//
// Usage: curl_floor --url URL [--requests N] [--concurrency C] [--body-bytes B]
//                   [--header "Name: value"]...
// Each --header is sent with every request, after Content-Type.
// Prints one line of key=value pairs (see print_result) and exits 0, or 1 if
// any request failed or did not answer 2xx.

#include <curl/curl.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr long k_default_requests = 100'000;
constexpr long k_default_concurrency = 16;
constexpr std::size_t k_default_body_bytes = 1100;  // about what the webhook notifier sends for a reminder

struct Options {
  std::string url;
  long requests = k_default_requests;
  long concurrency = k_default_concurrency;
  std::size_t body_bytes = k_default_body_bytes;
  std::vector<std::string> headers;
};

struct Counts {
  long started = 0;
  long done = 0;
  long failed = 0;
};

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--url") {
      o.url = value;
    } else if (flag == "--requests") {
      o.requests = std::atol(value);
    } else if (flag == "--concurrency") {
      o.concurrency = std::atol(value);
    } else if (flag == "--body-bytes") {
      o.body_bytes = static_cast<std::size_t>(std::atol(value));
    } else if (flag == "--header") {
      o.headers.emplace_back(value);
    } else {
      return false;
    }
  }
  return argc % 2 == 1 && !o.url.empty() && o.requests > 0 && o.concurrency > 0;
}

// A JSON object shaped like a reminder, padded to `bytes`.
std::string make_body(std::size_t bytes) {
  std::string body = R"({"type":"reminder.due","timestamp":"2026-11-23T10:00:00Z","data":{"contact_id":"contact-0",)"
                     R"("contact_name":"Contact 0","company":"Company 0","stage":"lead","why":"1st touch","text":")";
  while (body.size() + 3 < bytes) body += 'x';
  return body + "\"}}";
}

std::size_t discard(char*, std::size_t size, std::size_t count, void*) {
  return size * count;
}

CURL* make_handle(const Options& o, const std::string& body, curl_slist* headers) {
  CURL* easy = curl_easy_init();
  curl_easy_setopt(easy, CURLOPT_URL, o.url.c_str());
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  return easy;
}

// Records the finished transfers and puts their handles back to work while requests remain.
void reap(CURLM* multi, const Options& o, Counts& counts) {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    long status = 0;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &status);
    if (msg->data.result != CURLE_OK || status < 200 || status > 299) ++counts.failed;
    ++counts.done;
    CURL* easy = msg->easy_handle;
    curl_multi_remove_handle(multi, easy);
    if (counts.started < o.requests) {
      curl_multi_add_handle(multi, easy);
      ++counts.started;
    }
  }
}

double cpu_seconds(const rusage& u) {
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(u.ru_utime) + seconds(u.ru_stime);
}

void print_result(const Options& o, const Counts& counts, double wall, const rusage& before, const rusage& after) {
  const double cpu = cpu_seconds(after) - cpu_seconds(before);
  std::printf(
      "requests=%ld failed=%ld concurrency=%ld body_bytes=%zu seconds=%.3f rate=%.0f cpu_us=%.2f max_rss_kb=%ld\n",
      counts.done, counts.failed, o.concurrency, o.body_bytes, wall, static_cast<double>(counts.done) / wall,
      cpu * 1e6 / static_cast<double>(counts.done), after.ru_maxrss);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: curl_floor --url URL [--requests N] [--concurrency C] [--body-bytes B] [--header H]...\n");
    return 64;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const std::string body = make_body(o.body_bytes);
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  for (const std::string& header : o.headers) headers = curl_slist_append(headers, header.c_str());
  CURLM* multi = curl_multi_init();
  std::vector<CURL*> handles;
  for (long i = 0; i < o.concurrency; ++i) handles.push_back(make_handle(o, body, headers));

  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  const auto start = std::chrono::steady_clock::now();
  Counts counts;
  for (CURL* easy : handles) {
    if (counts.started == o.requests) break;
    curl_multi_add_handle(multi, easy);
    ++counts.started;
  }
  while (counts.done < o.requests) {
    int running = 0;
    curl_multi_perform(multi, &running);
    reap(multi, o, counts);
    if (counts.done < o.requests) curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  print_result(o, counts, wall, before, after);

  for (CURL* easy : handles) curl_easy_cleanup(easy);
  curl_multi_cleanup(multi);
  curl_slist_free_all(headers);
  curl_global_cleanup();
  return counts.failed == 0 ? 0 : 1;
}
