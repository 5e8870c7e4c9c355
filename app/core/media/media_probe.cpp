#include "media/media_probe.h"
#include <mpv/client.h>
#include <mpv/render.h>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace ck {

namespace {

struct MpvHandleFree {
    void operator()(mpv_handle* handle) const { mpv_terminate_destroy(handle); }
};
using MpvHandle = std::unique_ptr<mpv_handle, MpvHandleFree>;

std::string StringProperty(mpv_handle* mpv, const char* name)
{
    char* value = mpv_get_property_string(mpv, name);
    std::string out = value ? value : "";
    mpv_free(value);
    return out;
}

int64_t IntProperty(mpv_handle* mpv, const char* name)
{
    int64_t value = 0;
    return mpv_get_property(mpv, name, MPV_FORMAT_INT64, &value) == 0 ? value : 0;
}

// Only what a probe needs: no output, no user or system config, no scripts.
bool Configure(mpv_handle* mpv)
{
    static const char* const kOptions[][2] = {
        {"config", "no"}, {"load-scripts", "no"}, {"terminal", "no"}, {"input-default-bindings", "no"},
        {"osc", "no"}, {"ytdl", "no"}, {"vo", "null"}, {"ao", "null"}, {"pause", "yes"}, {"idle", "yes"},
        {"hwdec", "no"}, {"sub-auto", "no"}, {"audio-file-auto", "no"}, {"cover-art-auto", "no"},
    };
    for (const auto& option : kOptions)
        if (mpv_set_option_string(mpv, option[0], option[1]) < 0)
            return false;
    return mpv_initialize(mpv) >= 0;
}

} // namespace

MediaInfo ProbeMedia(const std::string& path, double timeout_s)
{
    MediaInfo info;
    MpvHandle mpv(mpv_create());
    if (!mpv || !Configure(mpv.get())) {
        info.error = "libmpv did not start";
        return info;
    }
    const char* load[] = {"loadfile", path.c_str(), nullptr};
    if (mpv_command(mpv.get(), load) < 0) {
        info.error = "it could not be opened";
        return info;
    }
    // Paused, mpv still decodes the first frame and then reports a playback
    // restart; a file it cannot open or decode ends with an error instead.
    bool loaded = false;
    for (double waited = 0; waited < timeout_s; waited += 0.25) {
        mpv_event* event = mpv_wait_event(mpv.get(), 0.25);
        if (event->event_id == MPV_EVENT_END_FILE) {
            const auto* end = static_cast<mpv_event_end_file*>(event->data);
            info.error = end->reason == MPV_END_FILE_REASON_ERROR ? mpv_error_string(end->error)
                                                                    : "it ended before its first frame";
            return info;
        }
        if (event->event_id == MPV_EVENT_FILE_LOADED)
            loaded = true;
        if (event->event_id == MPV_EVENT_PLAYBACK_RESTART && loaded)
            break;
    }
    if (!loaded) {
        info.error = "it did not open within " + std::to_string(std::lround(timeout_s)) + " seconds";
        return info;
    }
    info.container = StringProperty(mpv.get(), "file-format");
    info.video_codec = StringProperty(mpv.get(), "current-tracks/video/codec");
    info.audio_codec = StringProperty(mpv.get(), "current-tracks/audio/codec");
    mpv_get_property(mpv.get(), "duration", MPV_FORMAT_DOUBLE, &info.duration_s);
    info.width = static_cast<int>(IntProperty(mpv.get(), "width"));
    info.height = static_cast<int>(IntProperty(mpv.get(), "height"));
    info.bytes = static_cast<uint64_t>(IntProperty(mpv.get(), "file-size"));
    if (info.video_codec.empty())
        info.error = "it has no picture (no video track)";
    else if (info.width <= 0 || info.height <= 0)
        info.error = "its pictures cannot be decoded (" + info.video_codec + ")";
    info.ok = info.error.empty();
    return info;
}

std::shared_ptr<ImageData> DecodeFirstFrame(const std::string& path, const std::string& key, int max_width,
                                            std::string* error, double timeout_s)
{
    MpvHandle mpv(mpv_create());
    static const char* const kOptions[][2] = {
        {"config", "no"}, {"load-scripts", "no"}, {"terminal", "no"}, {"input-default-bindings", "no"},
        {"osc", "no"}, {"ytdl", "no"}, {"vo", "libmpv"}, {"ao", "null"}, {"aid", "no"}, {"sid", "no"},
        {"pause", "yes"}, {"idle", "yes"}, {"hwdec", "no"}, {"sub-auto", "no"}, {"audio-file-auto", "no"},
    };
    bool configured = mpv != nullptr;
    for (const auto& option : kOptions)
        configured = configured && mpv_set_option_string(mpv.get(), option[0], option[1]) >= 0;
    if (!configured || mpv_initialize(mpv.get()) < 0) {
        *error = "libmpv did not start";
        return nullptr;
    }
    mpv_render_param create[] = {
        {MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_SW)},
        {MPV_RENDER_PARAM_INVALID, nullptr},
    };
    mpv_render_context* render = nullptr;
    if (mpv_render_context_create(&render, mpv.get(), create) < 0) {
        *error = "libmpv's software renderer did not start";
        return nullptr;
    }
    // The render context must go before the handle.
    std::unique_ptr<mpv_render_context, void (*)(mpv_render_context*)> owned(render, mpv_render_context_free);
    const char* load[] = {"loadfile", path.c_str(), nullptr};
    mpv_command(mpv.get(), load);
    for (double waited = 0; waited < timeout_s; waited += 0.02) {
        mpv_event* event = mpv_wait_event(mpv.get(), 0.02);
        if (event->event_id == MPV_EVENT_END_FILE) {
            const auto* end = static_cast<mpv_event_end_file*>(event->data);
            *error = end->reason == MPV_END_FILE_REASON_ERROR ? mpv_error_string(end->error) : "no picture";
            return nullptr;
        }
        if (!(mpv_render_context_update(render) & MPV_RENDER_UPDATE_FRAME))
            continue;
        int64_t w = 0, h = 0;
        mpv_get_property(mpv.get(), "dwidth", MPV_FORMAT_INT64, &w);
        mpv_get_property(mpv.get(), "dheight", MPV_FORMAT_INT64, &h);
        if (w <= 0 || h <= 0)
            continue;
        if (w > max_width) {
            h = h * max_width / w;
            w = max_width;
        }
        auto image = std::make_shared<ImageData>();
        image->key = key;
        image->width = int(w);
        image->height = int(h);
        image->rgba.resize(size_t(w) * size_t(h) * 4);
        int size[2] = {int(w), int(h)};
        size_t stride = size_t(w) * 4;
        mpv_render_param params[] = {
            {MPV_RENDER_PARAM_SW_SIZE, size},
            {MPV_RENDER_PARAM_SW_FORMAT, const_cast<char*>("rgb0")},
            {MPV_RENDER_PARAM_SW_STRIDE, &stride},
            {MPV_RENDER_PARAM_SW_POINTER, image->rgba.data()},
            {MPV_RENDER_PARAM_INVALID, nullptr},
        };
        if (mpv_render_context_render(render, params) < 0) {
            *error = "its first frame could not be drawn";
            return nullptr;
        }
        for (size_t i = 3; i < image->rgba.size(); i += 4)
            image->rgba[i] = 255;   // "rgb0": the fourth byte is padding
        return image;
    }
    *error = "no frame within " + std::to_string(std::lround(timeout_s)) + " seconds";
    return nullptr;
}

std::string FormatDuration(double seconds)
{
    const long whole = std::lround(seconds);
    if (whole < 60)
        return std::to_string(whole) + " s";
    const long s = whole % 60;
    return std::to_string(whole / 60) + " min " + (s < 10 ? "0" : "") + std::to_string(s) + " s";
}

std::string DescribeMedia(const MediaInfo& info)
{
    if (!info.ok)
        return "cannot be played: " + info.error;
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", double(info.bytes) / (1024 * 1024));
    return info.container + ", " + info.video_codec + (info.audio_codec.empty() ? "" : " + " + info.audio_codec)
           + ", " + FormatDuration(info.duration_s) + ", " + std::to_string(info.width) + " x "
           + std::to_string(info.height) + ", " + size;
}

std::map<std::string, MediaInfo> CheckVideos(const Content& content, Diagnostics* diagnostics,
                                             const std::function<MediaInfo(const std::string& path)>& probe)
{
    std::map<std::string, MediaInfo> probed;
    for (const VideoUse& use : content.video_uses) {
        const VideoData* video = content.Video(use.key);
        if (!video)
            continue;
        auto it = probed.find(use.key);
        if (it == probed.end())
            it = probed.emplace(use.key, probe(video->path)).first;
        const MediaInfo& info = it->second;
        const std::string the = "the video \"" + use.src + "\" ";
        if (!info.ok) {
            diagnostics->Error(use.file, use.line, use.column,
                               the + "cannot be played: " + info.error + "; patients see its poster and \"This "
                                   "video cannot be played\". Export it as MP4 (H.264) at 1280 x 720");
            continue;
        }
        if (info.duration_s > kLongClipSeconds)
            diagnostics->Warning(use.file, use.line, use.column,
                                 the + "is " + FormatDuration(info.duration_s)
                                     + " long; patients in a waiting room watch a few minutes at most: keep "
                                       "clips under 3 minutes");
        if (info.width > kWideClipPx || info.height > kWideClipPx)
            diagnostics->Warning(use.file, use.line, use.column,
                                 the + "is " + std::to_string(info.width) + " x " + std::to_string(info.height)
                                     + " pixels, more than the screen shows and hard work to decode; export it "
                                       "at 1280 x 720");
    }
    return probed;
}

} // namespace ck
