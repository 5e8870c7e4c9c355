// WebVTT captions (https://www.w3.org/TR/webvtt1/), the part a clinic's
// clip needs: the header, cues with their times and text, NOTE, STYLE and
// REGION blocks skipped. Cue settings (position, alignment) are ignored: the
// kiosk always draws captions on its own band under the picture. Tags
// (<i>, <b>, <v Nurse>, <c.x>, <00:00:01.000>) are dropped and the five
// entities decoded, so a cue is plain text in the kiosk's own fonts.
//
// Debian 12 ships no C or C++ WebVTT library (ffmpeg reads WebVTT, but
// only inside a media pipeline and without line numbers for staff), so this
// small parser reports problems as diagnostics at their line.
#pragma once
#include "base/diagnostics.h"
#include <string>
#include <string_view>
#include <vector>

namespace ck {

struct CaptionCue {
    int start_ms = 0;
    int end_ms = 0;        // > start_ms
    std::string text;      // plain UTF-8; lines joined with '\n'
    int line = 0;          // of its timing line, for diagnostics
};

struct Captions {
    std::string key;                 // content-relative path of the .vtt
    std::vector<CaptionCue> cues;    // in file order (WebVTT requires start times in order)

    // The text of every cue showing at `ms`, joined with '\n'; "" for none.
    std::string TextAt(int ms) const;
};

// Parses `text` of the file `file` (its name in diagnostics). A bad cue is
// reported and left out; a file without the WEBVTT header gives no cues.
Captions ParseWebVtt(std::string_view text, const std::string& file, Diagnostics* diagnostics);

// "01:02.500" / "1:01:02.500" -> milliseconds; -1 when not a WebVTT timestamp.
int ParseVttTimestamp(std::string_view text);

} // namespace ck
