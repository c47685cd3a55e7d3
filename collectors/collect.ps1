# zhengban software inventory collector (Windows 7 and later, PowerShell 2.0 and later).
#
# Why this exists: an office must show what is really installed on each computer; this is
# run from a USB stick on each one and writes <COMPUTERNAME>.zbinv.txt beside itself, in
# the format of collectors/FORMAT.md, for `zhengban` to read. It asks nothing and changes
# nothing: it only reads the registry and WMI. It never lists programs through WMI's MSI
# product class: querying that makes Windows Installer re-check (and repair) every MSI
# package on the computer. The Uninstall keys say the same without touching anything.
#
# Run (Windows blocks scripts by default; this lifts that for this one run only):
#   powershell -NoProfile -ExecutionPolicy Bypass -File E:\collect.ps1
#
# This file stays ASCII: PowerShell 2.0 reads a .ps1 without a byte-order mark in the
# ANSI code page, so Chinese text here would be garbled. The Chinese messages are built
# from character codes instead. Only PowerShell 2.0 syntax is used.

$ErrorActionPreference = 'SilentlyContinue'

# A 32-bit PowerShell on 64-bit Windows sees the 32-bit registry under HKLM\SOFTWARE and
# would miss the 64-bit programs: run again in the 64-bit one.
if ($env:PROCESSOR_ARCHITEW6432 -eq 'AMD64' -and [IntPtr]::Size -eq 4) {
    $ps64 = Join-Path $env:windir 'sysnative\WindowsPowerShell\v1.0\powershell.exe'
    if (Test-Path $ps64) {
        & $ps64 -NoProfile -ExecutionPolicy Bypass -File $MyInvocation.MyCommand.Definition
        exit $LASTEXITCODE
    }
}

function Text($codes) {
    $s = ''
    foreach ($c in $codes) { $s += [string][char]$c }
    return $s
}

# "Collecting this computer's software inventory, please wait... (only reads, changes no setting)"
$msgStart = (Text @(0x6B63, 0x5728, 0x91C7, 0x96C6, 0x672C, 0x673A, 0x8F6F, 0x4EF6, 0x6E05, 0x5355, 0xFF0C, 0x8BF7, 0x7A0D, 0x5019, 0x2026, 0x2026)) + ' (' + (Text @(0x4E0D, 0x4F1A, 0x4FEE, 0x6539, 0x672C, 0x673A, 0x4EFB, 0x4F55, 0x8BBE, 0x7F6E, 0x3002)) + ')'
# "Software inventory written to:"
$msgWritten = Text @(0x8F6F, 0x4EF6, 0x6E05, 0x5355, 0x5DF2, 0x5199, 0x5165, 0xFF1A)
# "Could not write the software inventory; tried:"
$msgFailed = Text @(0x65E0, 0x6CD5, 0x5199, 0x5165, 0x8F6F, 0x4EF6, 0x6E05, 0x5355, 0xFF0C, 0x5DF2, 0x5C1D, 0x8BD5, 0xFF1A)

# One field of a row: a tab or a line break inside a value would break the table.
function Clean($value) {
    if ($null -eq $value) { return '' }
    return ([string]$value) -replace "[`t`r`n]", ' '
}

$lines = New-Object System.Collections.ArrayList

function Add-Line($line) {
    [void]$lines.Add($line)
}

# key<TAB>value, only when there is a value.
function Add-Pair($key, $value) {
    $v = Clean $value
    if ($v.Trim() -ne '') { Add-Line ($key + "`t" + $v) }
}

function Add-Row($values) {
    $cells = @()
    foreach ($v in $values) { $cells += (Clean $v) }
    Add-Line ([string]::Join("`t", [string[]]$cells))
}

function Get-Wmi($class) {
    try { return @(Get-WmiObject -Class $class -ErrorAction Stop) } catch { return @() }
}

Write-Host $msgStart
Write-Host 'Collecting the software inventory (read only, nothing is changed)...'

Add-Line '#zhengban-inventory 1'

$cs = Get-Wmi 'Win32_ComputerSystem' | Select-Object -First 1
$bios = Get-Wmi 'Win32_BIOS' | Select-Object -First 1
Add-Line '[computer]'
Add-Pair 'name' $env:COMPUTERNAME
if ($bios) { Add-Pair 'serial' $bios.SerialNumber }
if ($cs) {
    Add-Pair 'manufacturer' $cs.Manufacturer
    Add-Pair 'model' $cs.Model
    Add-Pair 'user' $cs.UserName
}
if (-not $cs -or -not $cs.UserName) { Add-Pair 'user' ($env:USERDOMAIN + '\' + $env:USERNAME) }
Add-Pair 'collector' 'collect.ps1 1'
Add-Pair 'collected' (Get-Date -Format 'yyyy-MM-dd HH:mm:ss')

$os = Get-Wmi 'Win32_OperatingSystem' | Select-Object -First 1
Add-Line '[os]'
if ($os) {
    Add-Pair 'name' $os.Caption
    Add-Pair 'version' $os.Version
    Add-Pair 'build' $os.BuildNumber
    Add-Pair 'sku' $os.OperatingSystemSKU
}

Add-Line '[software]'
Add-Row @('name', 'version', 'publisher', 'installed', 'source')
$uninstall = @(
    @('HKLM', 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall'),
    @('HKLM-WOW6432Node', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall'),
    @('HKCU', 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall')
)
foreach ($place in $uninstall) {
    if (-not (Test-Path $place[1])) { continue }
    foreach ($key in @(Get-ChildItem -Path $place[1])) {
        $p = Get-ItemProperty -Path $key.PSPath
        if (-not $p) { continue }
        if (-not $p.DisplayName) { continue }
        # Parts of Windows, and updates and patches of a program already listed.
        if ($p.SystemComponent -eq 1) { continue }
        if ($p.ParentKeyName) { continue }
        Add-Row @($p.DisplayName, $p.DisplayVersion, $p.Publisher, $p.InstallDate, $place[0])
    }
}

Add-Line '[licence]'
Add-Row @('product', 'description', 'partial_key', 'status', 'kms_host', 'kms_discovered', 'source')
# OfficeSoftwareProtectionProduct is Office 2010's own licensing service; later Office
# versions report through SoftwareLicensingProduct.
foreach ($class in @('SoftwareLicensingProduct', 'OfficeSoftwareProtectionProduct')) {
    $products = @()
    try {
        $products = @(Get-WmiObject -Query ("SELECT * FROM " + $class + " WHERE PartialProductKey <> null") -ErrorAction Stop)
    } catch {
        $products = @()
    }
    foreach ($l in $products) {
        if (-not $l.PartialProductKey) { continue }
        Add-Row @($l.Name, $l.Description, $l.PartialProductKey, $l.LicenseStatus, $l.KeyManagementServiceMachine, $l.DiscoveredKeyManagementServiceMachineName, $class)
    }
}

$text = [string]::Join("`r`n", [string[]]$lines.ToArray()) + "`r`n"
$name = ($env:COMPUTERNAME -replace '[^A-Za-z0-9._-]', '_')
if (-not $name) { $name = 'computer' }
$file = $name + '.zbinv.txt'

# Beside the script (the USB stick), else the desktop, else the user's folder.
$here = Split-Path -Parent $MyInvocation.MyCommand.Definition
$folders = @($here, [Environment]::GetFolderPath('Desktop'), $env:USERPROFILE)
$utf8 = New-Object System.Text.UTF8Encoding $false
$tried = @()
foreach ($dir in $folders) {
    if (-not $dir) { continue }
    if (-not (Test-Path $dir)) { continue }
    $path = Join-Path $dir $file
    $tried += $path
    try {
        [System.IO.File]::WriteAllText($path, $text, $utf8)
    } catch {
        continue
    }
    Write-Host ($msgWritten + ' ' + $path)
    Write-Host ('Inventory written to: ' + $path)
    exit 0
}
Write-Host ($msgFailed + ' ' + [string]::Join(', ', [string[]]$tried))
Write-Host ('Could not write the inventory; tried: ' + [string]::Join(', ', [string[]]$tried))
exit 1
