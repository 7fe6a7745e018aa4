#include "delivery/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace touchbase {

void RateLimiter::limit(std::string name, Rate rate) {
  buckets_.insert_or_assign(std::move(name), Bucket{rate, static_cast<double>(rate.count), Instant{}, false});
}

void RateLimiter::refill(Bucket& b, Instant now) {
  if (b.refilled_at == Instant{}) b.refilled_at = now;
  double elapsed = static_cast<double>((now - b.refilled_at).count());
  if (elapsed <= 0) return;
  double per_second = static_cast<double>(b.rate.count) / static_cast<double>(b.rate.per.count());
  b.tokens = std::min(static_cast<double>(b.rate.count), b.tokens + elapsed * per_second);
  b.refilled_at = now;
}

bool RateLimiter::try_take(std::string_view name, Instant now) {
  auto it = buckets_.find(name);
  if (it == buckets_.end()) return true;
  Bucket& b = it->second;
  refill(b, now);
  b.refused = b.tokens < 1;
  if (b.refused) return false;
  b.tokens -= 1;
  return true;
}

std::optional<Instant> RateLimiter::next_token_at() const {
  std::optional<Instant> next;
  for (const auto& [name, b] : buckets_) {
    if (!b.refused) continue;
    double per_second = static_cast<double>(b.rate.count) / static_cast<double>(b.rate.per.count());
    auto wait = Seconds(static_cast<Seconds::rep>(std::ceil((1 - b.tokens) / per_second)));
    Instant at = b.refilled_at + std::max(wait, Seconds(1));
    next = std::min(next.value_or(Instant::max()), at);
  }
  return next;
}

}  // namespace touchbase
