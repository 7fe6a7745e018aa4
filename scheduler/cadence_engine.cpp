#include "scheduler/cadence_engine.h"

#include "scheduler/decider.h"
#include "scheduler/resolved_config.h"

namespace touchbase {

CadenceEngine::CadenceEngine(const Config& config)
    : config_(config), resolved_(std::make_unique<const ResolvedConfig>(config)) {}

CadenceEngine::~CadenceEngine() = default;

Decision CadenceEngine::next(const Contact& contact, std::span<const Touch> history, Instant now) const {
  Decision d;
  next(contact, history, now, NextOptions{}, d);
  return d;
}

void CadenceEngine::next(const Contact& contact, std::span<const Touch> history, Instant now,
                         const NextOptions& options, Decision& out) const {
  Decider(*resolved_, contact, history, now, options, out).run();
}

}  // namespace touchbase
