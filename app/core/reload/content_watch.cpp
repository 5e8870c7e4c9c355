// ContentWatch: inotify watches over the content folder, its sub-folders and
// its name in the parent folder.
#include "reload/content_watch.h"
#include <algorithm>
#include <sys/inotify.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace ck {

namespace {

// IN_MODIFY as well as IN_CLOSE_WRITE: a large picture being copied keeps the
// debounce waiting until the copy is done.
constexpr uint32_t kFolderEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
                                   | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR;
constexpr uint32_t kParentEvents = IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR;

std::string NormalRoot(const std::string& root)
{
    std::error_code ec;
    fs::path path = fs::absolute(root.empty() ? fs::path(".") : fs::path(root), ec).lexically_normal();
    if (!path.has_filename() && path.has_parent_path() && path != path.root_path())
        path = path.parent_path();   // "content/" -> "content"
    return path.string();
}

bool IsUnder(const std::string& path, const std::string& dir)
{
    return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

} // namespace

ContentWatch::ContentWatch(const std::string& root)
{
    root_ = NormalRoot(root);
    const fs::path path(root_);
    parent_ = path.parent_path().string();
    root_name_ = path.filename().string();
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) {
        problem_ = std::string("changes to the content folder cannot be watched (") + std::strerror(errno)
                   + "); use the staff panel's Reload button after editing";
        return;
    }
    WatchParent();
    Rearm();
}

ContentWatch::~ContentWatch()
{
    if (fd_ >= 0)
        close(fd_);   // drops every watch
}

std::vector<std::string> ContentWatch::WatchedFolders() const
{
    std::vector<std::string> out;
    for (const auto& [wd, dir] : dirs_)
        out.push_back(dir);
    return out;
}

void ContentWatch::WatchParent()
{
    if (fd_ < 0 || parent_wd_ >= 0 || parent_.empty() || root_name_.empty())
        return;
    parent_wd_ = inotify_add_watch(fd_, parent_.c_str(), kParentEvents);
}

// Forgets every folder watch and watches the folder found at the root path
// now: after the folder was moved away, deleted, replaced, or events were lost.
void ContentWatch::Rearm()
{
    if (fd_ < 0)
        return;
    for (const auto& [wd, dir] : dirs_)
        inotify_rm_watch(fd_, wd);   // the IN_IGNORED that follows finds no entry and is skipped
    dirs_.clear();
    root_wd_ = -1;
    std::error_code ec;
    if (!fs::is_directory(root_, ec))
        return;
    AddTree(root_);
}

bool ContentWatch::AddOne(const std::string& dir)
{
    const bool is_root = dir == root_;
    // The root may be a symbolic link (a deployment swaps it); folders below are not followed.
    const uint32_t mask = is_root ? kFolderEvents : (kFolderEvents | IN_DONT_FOLLOW);
    const int wd = inotify_add_watch(fd_, dir.c_str(), mask);
    if (wd < 0) {
        if (errno == ENOSPC)
            problem_ = "the system's limit on watched folders is reached; some changes may need the Reload button "
                       "(raise fs.inotify.max_user_watches)";
        return false;
    }
    dirs_[wd] = dir;
    if (is_root)
        root_wd_ = wd;
    return true;
}

// Content lives at most two folders below the root (en/pages), so deeper
// folders are never watched: a tree nested hundreds deep, or thousands of
// folders, costs no watches and no time.
constexpr int kContentDepth = 2;
constexpr size_t kMaxWatchedFolders = 256;

// Folders between the root and `dir` (0 for the root itself).
static int DepthBelow(const std::string& root, const std::string& dir)
{
    if (dir.size() <= root.size())
        return 0;
    return static_cast<int>(std::count(dir.begin() + static_cast<long>(root.size()), dir.end(), '/'));
}

void ContentWatch::AddTree(const std::string& dir)
{
    const int base = DepthBelow(root_, dir);
    if (base > kContentDepth || !AddOne(dir))
        return;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_symlink(type_ec) || base + it.depth() + 1 >= kContentDepth)
            it.disable_recursion_pending();
        if (it->is_symlink(type_ec) || !it->is_directory(type_ec))
            continue;
        if (dirs_.size() >= kMaxWatchedFolders) {
            problem_ = "the content folder holds more than " + std::to_string(kMaxWatchedFolders) +
                       " folders; changes in the others need the Reload button";
            return;
        }
        AddOne(it->path().string());
    }
}

// A folder moved out of the tree keeps its watch (inotify follows the inode);
// drop it and everything below so its new home does not trigger reloads.
void ContentWatch::RemoveTree(const std::string& dir)
{
    for (auto it = dirs_.begin(); it != dirs_.end();) {
        if (IsUnder(it->second, dir) && it->first != root_wd_) {
            inotify_rm_watch(fd_, it->first);
            it = dirs_.erase(it);
        } else {
            ++it;
        }
    }
}

bool ContentWatch::HandleEvent(int wd, unsigned mask, const std::string& name)
{
    if (mask & IN_Q_OVERFLOW) {
        Rearm();
        return true;
    }
    if (wd == parent_wd_ && wd >= 0) {
        if (mask & IN_IGNORED) {
            parent_wd_ = -1;   // the parent itself went away; PollRoot tries again
            return false;
        }
        if (name != root_name_)
            return false;
        Rearm();   // the folder came, went, or was replaced
        return true;
    }
    auto it = dirs_.find(wd);
    if (it == dirs_.end())
        return false;   // a watch already dropped by Rearm or RemoveTree
    if (mask & IN_IGNORED) {
        if (wd == root_wd_)
            root_wd_ = -1;
        dirs_.erase(it);
        return true;
    }
    const std::string dir = it->second;
    if (wd == root_wd_ && (mask & (IN_DELETE_SELF | IN_MOVE_SELF))) {
        Rearm();
        return true;
    }
    if ((mask & IN_ISDIR) && !name.empty()) {
        const std::string child = dir + "/" + name;
        if (mask & IN_MOVED_FROM)
            RemoveTree(child);
        if (mask & (IN_CREATE | IN_MOVED_TO))
            AddTree(child);   // files made in it before the watch are found by the reload's scan
    }
    return true;
}

bool ContentWatch::ReadEvents()
{
    if (fd_ < 0)
        return false;
    bool changed = false;
    alignas(inotify_event) char buffer[16 * 1024];
    for (;;) {
        const ssize_t got = read(fd_, buffer, sizeof(buffer));
        if (got <= 0) {
            if (got < 0 && errno == EINTR)
                continue;
            break;   // EAGAIN: the queue is empty
        }
        for (ssize_t at = 0; at + static_cast<ssize_t>(sizeof(inotify_event)) <= got;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            const std::string name = event->len ? std::string(event->name) : std::string();
            changed |= HandleEvent(event->wd, event->mask, name);
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
    return changed;
}

bool ContentWatch::PollRoot()
{
    if (fd_ < 0)
        return false;
    WatchParent();
    if (root_wd_ >= 0)
        return false;
    std::error_code ec;
    if (!fs::is_directory(root_, ec))
        return false;
    Rearm();
    return true;
}

} // namespace ck
