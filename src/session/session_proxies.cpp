// Session's proxy measures: the model's inputs against the protected columns of the data,
// measured once per change of the scores (model edits, a new dataset, a new reference date).
#include "session/session.hpp"

namespace radar::session {

const std::vector<ProxyMeasure>& Session::proxy_measures() const {
    if (proxy_cache_.scores_generation != scores_generation_) {
        proxy_cache_.measures = engine_ ? measure_proxies(*engine_) : std::vector<ProxyMeasure>{};
        proxy_cache_.scores_generation = scores_generation_;
    }
    return proxy_cache_.measures;
}

}  // namespace radar::session
