// carekiosk speak: synthesises what read-aloud says for a page or FAQ answer
// into a WAV file, no sound device needed. Prints each segment with the time
// it starts, so staff can check what is read and in which order.
//   carekiosk speak [--content DIR] (--page ID | --faq ID) [--lang L] --out FILE.wav
#include "commands.h"
#include "usage.h"
#include "content/content.h"
#include "speech/speech.h"
#include <algorithm>
#include <cstdio>

namespace ck {

static int Speak(const std::string& dir, const std::string& target, std::string lang, const std::string& out)
{
    LoadResult loaded = LoadContent(dir);
    PrintDiagnostics(loaded.diagnostics, stderr);
    const Content& content = *loaded.content;
    if (lang.empty())
        lang = content.config.default_language;
    const Reading reading = ReadingFor(content, lang, target);
    if (reading.segments.empty()) {
        std::fprintf(stderr, "carekiosk speak: nothing to read for %s in %s\n", target.c_str(), dir.c_str());
        return 1;
    }
    std::vector<size_t> starts;
    std::string error, voice;
    if (!SynthesizeToWav(reading.lang, reading.segments, out, &starts, &error, &voice,
                         content.config.default_language)) {
        std::fprintf(stderr, "carekiosk speak: %s\n", error.c_str());
        return 1;
    }
    const double rate = std::max(1, SpeechSampleRate());
    std::printf("voice %s, %zu segments -> %s\n", voice.c_str(), reading.segments.size(), out.c_str());
    for (size_t i = 0; i < reading.segments.size(); i++)
        std::printf("%7.2f s  %s\n", double(starts[i]) / rate, reading.segments[i].text.c_str());
    return 0;
}

int RunSpeak(const Args& args)
{
    ArgReader reader(args);
    const ContentTargetArgs target = ReadContentTarget(args, &reader);
    const std::string out = reader.Value("--out");
    std::string problem = reader.ProblemNoPositional();
    if (problem.empty() && target.page_id.empty() == target.faq_id.empty())
        problem = "give --page or --faq";
    if (problem.empty() && out.empty())
        problem = "give --out FILE.wav";
    if (!problem.empty())
        return UsageError("speak", problem);
    const std::string what = target.page_id.empty() ? "faq:" + target.faq_id : "page:" + target.page_id;
    return Speak(target.has_content ? target.dir : DefaultContentDir(), what, target.lang, out);
}

} // namespace ck
