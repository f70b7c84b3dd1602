// The real and the in-memory file systems, and the lexical POSIX path helpers.
#include "ts/vfs.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dp::ts {

// --- lexical helpers

bool IsAbsolutePath(std::string_view path) {
  return !path.empty() && path.front() == '/';
}

std::string NormalizePath(std::string_view path) {
  const bool absolute = IsAbsolutePath(path);
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(pos, slash - pos);
    pos = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);
      }
      continue;
    }
    parts.push_back(part);
  }
  std::string out = absolute ? "/" : "";
  for (size_t part_idx = 0; part_idx < parts.size(); ++part_idx) {
    if (part_idx > 0) out += '/';
    out += parts[part_idx];
  }
  if (out.empty()) out = ".";
  return out;
}

std::string JoinPath(std::string_view base, std::string_view path) {
  if (IsAbsolutePath(path) || base.empty()) return NormalizePath(path);
  std::string joined(base);
  joined += '/';
  joined += path;
  return NormalizePath(joined);
}

std::string ResolvePath(std::string_view cwd, std::string_view path) {
  if (IsAbsolutePath(path)) return NormalizePath(path);
  std::string base = IsAbsolutePath(cwd) ? std::string(cwd) : "/" + std::string(cwd);
  return JoinPath(base, path);
}

std::string DirName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string BaseName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return std::string(path);
  if (path.size() == 1) return "";
  return std::string(path.substr(slash + 1));
}

std::string Extension(std::string_view path) {
  std::string base = BaseName(path);
  size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  return base.substr(dot);
}

bool PathIsWithin(std::string_view path, std::string_view dir) {
  if (dir == "/") return IsAbsolutePath(path);
  if (path.size() < dir.size() || path.substr(0, dir.size()) != dir) return false;
  return path.size() == dir.size() || path[dir.size()] == '/';
}

bool PathHasNodeModules(std::string_view path) {
  size_t pos = 0;
  while ((pos = path.find("node_modules", pos)) != std::string_view::npos) {
    bool starts = pos == 0 || path[pos - 1] == '/';
    size_t end = pos + std::strlen("node_modules");
    bool ends = end == path.size() || path[end] == '/';
    if (starts && ends) return true;
    pos = end;
  }
  return false;
}

// --- RealVfs

RealVfs::RealVfs(std::string cwd) : cwd_(std::move(cwd)) {
  if (cwd_.empty()) {
    char buffer[PATH_MAX];
    cwd_ = getcwd(buffer, sizeof buffer) ? buffer : "/";
  }
  cwd_ = ResolvePath("/", cwd_);
}

base::Result<std::string> RealVfs::ReadFile(std::string_view path) {
  std::string p = Abs(path);
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return base::Fail("cannot read {}: {}", p, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return base::Fail("cannot read {}: is a directory", p);
  std::ifstream in(p, std::ios::binary);
  if (!in) return base::Fail("cannot read {}: {}", p, std::strerror(errno));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

FileKind RealVfs::Stat(std::string_view path) {
  struct stat st {};
  if (::stat(Abs(path).c_str(), &st) != 0) return FileKind::Missing;
  return S_ISDIR(st.st_mode) ? FileKind::Directory : FileKind::File;
}

bool RealVfs::IsSymlink(std::string_view path) {
  struct stat st {};
  if (::lstat(Abs(path).c_str(), &st) != 0) return false;
  return S_ISLNK(st.st_mode);
}

base::Result<std::vector<DirEntry>> RealVfs::ListDirectory(std::string_view path) {
  std::string p = Abs(path);
  DIR* dir = ::opendir(p.c_str());
  if (dir == nullptr) return base::Fail("cannot list {}: {}", p, std::strerror(errno));
  std::vector<DirEntry> entries;
  while (dirent* entry = ::readdir(dir)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    std::string full = p == "/" ? "/" + name : p + "/" + name;
    DirEntry out;
    out.name = std::move(name);
    out.is_symlink = IsSymlink(full);
    out.kind = Stat(full);
    entries.push_back(std::move(out));
  }
  ::closedir(dir);
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

base::Result<std::string> RealVfs::RealPath(std::string_view path) {
  std::string p = Abs(path);
  char* resolved = ::realpath(p.c_str(), nullptr);
  if (resolved == nullptr) return base::Fail("cannot resolve {}: {}", p, std::strerror(errno));
  std::string out = resolved;
  std::free(resolved);
  return out;
}

// --- MemoryVfs

namespace {
constexpr int kMaxSymlinkHops = 40;  // like Linux's ELOOP limit
}

MemoryVfs::MemoryVfs(std::string cwd) : cwd_(ResolvePath("/", cwd)) {
  nodes_["/"] = Node{NodeKind::Directory, {}};
}

void MemoryVfs::EnsureParents(const std::string& path) {
  std::string dir = DirName(path);
  while (true) {
    auto it = nodes_.find(dir);
    if (it == nodes_.end()) nodes_[dir] = Node{NodeKind::Directory, {}};
    if (dir == "/") break;
    dir = DirName(dir);
  }
}

void MemoryVfs::AddFile(std::string_view path, std::string content) {
  std::string p = ResolvePath(cwd_, path);
  EnsureParents(p);
  nodes_[p] = Node{NodeKind::File, std::move(content)};
}

void MemoryVfs::AddDirectory(std::string_view path) {
  std::string p = ResolvePath(cwd_, path);
  EnsureParents(p);
  nodes_[p] = Node{NodeKind::Directory, {}};
}

void MemoryVfs::AddSymlink(std::string_view path, std::string_view target) {
  std::string p = ResolvePath(cwd_, path);
  EnsureParents(p);
  nodes_[p] = Node{NodeKind::Symlink, std::string(target)};
}

std::string MemoryVfs::Canonical(std::string_view path, bool follow_last) const {
  // Walk component by component, splicing symlink targets in front of what is left.
  std::vector<std::string> pending;  // components still to visit, in reverse order
  auto push_components = [&pending](std::string_view text) {
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t slash = text.find('/', pos);
      if (slash == std::string_view::npos) slash = text.size();
      if (slash > pos) parts.emplace_back(text.substr(pos, slash - pos));
      pos = slash + 1;
    }
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) pending.push_back(*it);
  };
  push_components(ResolvePath(cwd_, path));
  std::string current = "/";
  int hops = 0;
  while (!pending.empty()) {
    std::string part = std::move(pending.back());
    pending.pop_back();
    if (part == ".") continue;
    if (part == "..") {
      current = DirName(current);
      continue;
    }
    std::string next = current == "/" ? "/" + part : current + "/" + part;
    auto it = nodes_.find(next);
    if (it == nodes_.end()) return {};
    if (it->second.kind == NodeKind::Symlink && (follow_last || !pending.empty())) {
      if (++hops > kMaxSymlinkHops) return {};
      const std::string& target = it->second.data;
      if (IsAbsolutePath(target)) current = "/";
      push_components(target);
      continue;
    }
    if (it->second.kind == NodeKind::File && !pending.empty()) return {};
    current = std::move(next);
  }
  return current;
}

base::Result<std::string> MemoryVfs::ReadFile(std::string_view path) {
  files_read_.emplace_back(path);
  std::string real = Canonical(path, true);
  auto it = real.empty() ? nodes_.end() : nodes_.find(real);
  if (it == nodes_.end()) return base::Fail("cannot read {}: No such file or directory", path);
  if (it->second.kind != NodeKind::File) return base::Fail("cannot read {}: is a directory", path);
  return it->second.data;
}

FileKind MemoryVfs::Stat(std::string_view path) {
  std::string real = Canonical(path, true);
  if (real.empty()) return FileKind::Missing;
  auto it = nodes_.find(real);
  if (it == nodes_.end()) return FileKind::Missing;
  return it->second.kind == NodeKind::Directory ? FileKind::Directory : FileKind::File;
}

bool MemoryVfs::IsSymlink(std::string_view path) {
  std::string real = Canonical(path, false);
  if (real.empty()) return false;
  auto it = nodes_.find(real);
  return it != nodes_.end() && it->second.kind == NodeKind::Symlink;
}

base::Result<std::vector<DirEntry>> MemoryVfs::ListDirectory(std::string_view path) {
  std::string real = Canonical(path, true);
  auto it = real.empty() ? nodes_.end() : nodes_.find(real);
  if (it == nodes_.end()) return base::Fail("cannot list {}: No such file or directory", path);
  if (it->second.kind != NodeKind::Directory) return base::Fail("cannot list {}: Not a directory", path);
  std::string prefix = real == "/" ? "/" : real + "/";
  std::vector<DirEntry> entries;
  for (auto child = nodes_.lower_bound(prefix); child != nodes_.end(); ++child) {
    const std::string& key = child->first;
    if (key.compare(0, prefix.size(), prefix) != 0) break;
    if (key.size() == prefix.size() || key.find('/', prefix.size()) != std::string::npos) continue;
    DirEntry entry;
    entry.name = key.substr(prefix.size());
    entry.is_symlink = child->second.kind == NodeKind::Symlink;
    entry.kind = Stat(key);
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

base::Result<std::string> MemoryVfs::RealPath(std::string_view path) {
  std::string real = Canonical(path, true);
  if (real.empty()) return base::Fail("cannot resolve {}: No such file or directory", path);
  return real;
}

}  // namespace dp::ts
