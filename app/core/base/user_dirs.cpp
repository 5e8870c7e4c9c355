// The per-user base folders. See user_dirs.h.
#include "base/user_dirs.h"
#include <cstdlib>

namespace ck {

std::string UserBaseDir(const char* variable, const char* home_relative)
{
    const char* base = std::getenv(variable);
    if (base && base[0] == '/')
        return base;
    const char* home = std::getenv("HOME");
    if (home && home[0] == '/')
        return std::string(home) + "/" + home_relative;
    return std::string();
}

} // namespace ck
