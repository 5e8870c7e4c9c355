// The per-user folders of the XDG Base Directory rules, where the kiosk
// keeps what is not content: the search cache, the staff PIN's hash. One
// rule for all of them, so a service that sets XDG_STATE_HOME or
// XDG_CACHE_HOME moves every such file together.
#pragma once
#include <string>

namespace ck {

// $`variable` when it is an absolute path, else $HOME/`home_relative`
// (".cache", ".local/state"), else "" when neither is usable.
std::string UserBaseDir(const char* variable, const char* home_relative);

} // namespace ck
