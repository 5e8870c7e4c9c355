// Markdown -> document model -> JSON dump: must never crash, hang or leak,
// whatever the bytes (invalid UTF-8, deep nesting, huge tables).
#include "document/document_dump.h"
#include "document/markdown.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ck::Diagnostics diag;
    const ck::Document doc = ck::ParseMarkdown(text, &diag, "fuzz.md");
    // The dump walks every block and span, and nlohmann refuses invalid
    // UTF-8 when serialising: it proves the model only holds valid text.
    (void)ck::DumpDocument(doc).dump();
    for (const ck::Diagnostic& d : diag.Items())
        (void)ck::FormatDiagnostic(d);
    return 0;
}
