#!/bin/sh
# zhengban 软件清单采集（Linux：统信 UOS、银河麒麟及其他 Debian 系系统）。
#
# Why this exists: an office must show what is really installed on each computer; this is
# run from a USB stick on each one and writes <hostname>.zbinv.txt beside itself, in the
# format of collectors/FORMAT.md, for `zhengban` to read. It asks nothing and changes
# nothing on the system: it only reads (no root needed; what needs root is skipped).
#
# 用法：sh 采集.sh   （或在文件管理器中双击后选“运行”）

LC_ALL=C.UTF-8
export LC_ALL

# Values are one field each: a tab or a line break inside would break the table.
clean() {
    printf '%s' "$1" | tr '\t\r\n' '   '
}

# key<TAB>value, only when there is a value (FORMAT.md: an empty value is no value).
kv() {
    if [ -n "$2" ]; then
        printf '%s\t%s\n' "$1" "$(clean "$2")"
    fi
}

# A file's first line, or nothing when it cannot be read (product_serial needs root).
first_line() {
    if [ -r "$1" ]; then
        head -n 1 "$1" 2>/dev/null | tr -d '\r'
    fi
}

# A KEY=value of an os-release style file, without its quotes; os-release is read, never
# sourced, so nothing in it runs.
release_value() {
    if [ -r "$2" ]; then
        sed -n "s/^$1=//p" "$2" 2>/dev/null | head -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'\$/\1/"
    fi
}

host=$(hostname 2>/dev/null)
[ -n "$host" ] || host=$(uname -n 2>/dev/null)
[ -n "$host" ] || host=$(first_line /etc/hostname)
[ -n "$host" ] || host=computer
# The file is named after the computer: keep only what every file system takes.
safe_host=$(printf '%s' "$host" | tr -c 'A-Za-z0-9._-' '_')

collect() {
    printf '#zhengban-inventory 1\n'

    printf '[computer]\n'
    kv name "$host"
    kv serial "$(first_line /sys/class/dmi/id/product_serial)"
    kv manufacturer "$(first_line /sys/class/dmi/id/sys_vendor)"
    kv model "$(first_line /sys/class/dmi/id/product_name)"
    kv user "$(id -un 2>/dev/null)"
    kv collector 'collect.sh 1'
    kv collected "$(date '+%Y-%m-%d %H:%M:%S')"

    printf '[os]\n'
    rel=/etc/os-release
    [ -r "$rel" ] || rel=/usr/lib/os-release
    name=$(release_value PRETTY_NAME "$rel")
    [ -n "$name" ] || name=$(release_value NAME "$rel")
    version=$(release_value VERSION_ID "$rel")
    [ -n "$version" ] || version=$(release_value VERSION "$rel")
    # UOS names its edition (专业版, 家庭版) in /etc/os-version, not in os-release.
    edition=$(release_value 'EditionName\[zh_CN\]' /etc/os-version)
    [ -n "$edition" ] || edition=$(release_value EditionName /etc/os-version)
    [ -n "$edition" ] || edition=$(release_value VARIANT "$rel")
    kv name "$name"
    kv version "$version"
    kv edition "$edition"
    kv id "$(release_value ID "$rel")"
    kv kernel "$(uname -r 2>/dev/null)"

    printf '[software]\n'
    printf 'name\tversion\tpublisher\tinstalled\tsource\tstatus\n'
    if command -v dpkg-query >/dev/null 2>&1; then
        # Maintainer may hold a tab or nothing; the status comes last so it stays whole.
        dpkg-query -W -f='${Package}\t${Version}\t${Maintainer}\t${Status}\n' 2>/dev/null |
            awk -F '\t' '$NF == "install ok installed" {
                m = $3; for (i = 4; i < NF; i++) m = m " " $i
                printf "%s\t%s\t%s\t\tdpkg\t%s\n", $1, $2, m, $NF
            }'
    fi
    if command -v ll-cli >/dev/null 2>&1; then
        # 玲珑 (Linglong) applications are not dpkg packages. `ll-cli list` prints a header
        # row, then one application a row: its id first, a version among the next fields.
        esc=$(printf '\033')
        ll-cli list 2>/dev/null | sed "s/$esc\[[0-9;]*m//g" |
            awk 'NR > 1 && NF > 0 && $1 !~ /^-+$/ {
                v = ""
                for (i = 2; i <= NF && i <= 4; i++) if ($i ~ /^[0-9]+(\.[0-9]+)+/) { v = $i; break }
                printf "%s\t%s\t\t\tll-cli\t\n", $1, v
            }'
    fi

    printf '[licence]\n'
    printf 'product\tdescription\tpartial_key\tstatus\tkms_host\tkms_discovered\tsource\n'
}

# Where the script is (the USB stick), else the desktop, else home: the first that takes it.
here=$(cd "$(dirname "$0")" 2>/dev/null && pwd)
desktop=$(xdg-user-dir DESKTOP 2>/dev/null)
[ -n "$desktop" ] || desktop="$HOME/Desktop"
file="$safe_host.zbinv.txt"

echo '正在采集本机软件清单，请稍候……（只读取，不会修改本机任何设置）'
tried=''
for dir in "$here" "$desktop" "$HOME"; do
    if [ -z "$dir" ] || [ ! -d "$dir" ]; then
        continue
    fi
    tried="$tried $dir"
    tmp="$dir/.$file.$$"
    # Written whole to a temporary file first, so a full stick never leaves half a file
    # under the real name.
    if collect >"$tmp" 2>/dev/null && mv -f "$tmp" "$dir/$file" 2>/dev/null; then
        if [ "$dir" != "$here" ]; then
            echo "脚本所在的文件夹无法写入（$here），改为写到这里："
        fi
        echo "软件清单已写入：$dir/$file"
        exit 0
    fi
    rm -f "$tmp" 2>/dev/null
done
echo "无法写入软件清单，已尝试：$tried" >&2
exit 1
