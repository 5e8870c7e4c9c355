// Markdown page with YAML front matter (yaml-cpp + md4c).
#include "content/content_parse.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ck::Diagnostics diag;
    (void)ck::ParseMarkdownPage(text, "fuzz", "en/pages/fuzz.md", &diag);
    for (const ck::Diagnostic& d : diag.Items())
        (void)ck::FormatDiagnostic(d);
    return 0;
}
