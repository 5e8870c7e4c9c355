// Input scripts: the parser, then the player run to the end on a clock that
// jumps ahead, so every command is expanded into steps.
#include "session/script.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ck::Diagnostics diag;
    ck::InputScript script = ck::ParseInputScript(text, "fuzz.txt", &diag);
    ck::InputScriptPlayer player(std::move(script));
    double now = 0.0;
    // Each Poll hands out at least one discrete step; the bound only guards
    // against a player that never finishes (that would be a bug: it hangs here
    // and libFuzzer reports a timeout).
    for (size_t polls = 0; !player.Finished() && polls < 10000000; ++polls) {
        (void)player.Poll(now);
        now += player.SecondsUntilNext(now) + 1.0 / 60.0;
    }
    return 0;
}
