//! Operating-system errors in words a clerk reads: every layer that touches files (the
//! reader, discovery, configuration, outputs) reports them the same way.

/// An OS error as a clerk can read it, in Chinese; the system's own text in brackets for
/// the kinds we do not name.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let known = match e.kind() {
        K::NotFound => "找不到该文件或文件夹",
        K::PermissionDenied => "没有权限",
        K::AlreadyExists => "文件已存在",
        K::StorageFull => "磁盘已满",
        K::ReadOnlyFilesystem => "文件系统是只读的",
        K::IsADirectory => "这是一个文件夹",
        K::NotADirectory => "路径中有一段不是文件夹",
        K::DirectoryNotEmpty => "文件夹不是空的",
        K::InvalidFilename => "文件名无效或过长",
        K::FileTooLarge => "文件过大",
        K::CrossesDevices => "不能跨磁盘移动文件",
        K::TimedOut => "操作超时",
        K::Interrupted => "操作被中断",
        K::OutOfMemory => "内存不足",
        K::UnexpectedEof => "文件意外结束",
        K::QuotaExceeded => "超出磁盘配额",
        _ => "",
    };
    if known.is_empty() {
        format!("系统错误（{e}）")
    } else {
        known.to_string()
    }
}
