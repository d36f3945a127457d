#requires -version 5.1
<#
.SYNOPSIS
    Builds and deploys the homepage.
.DESCRIPTION
    A sample script covering strings, here-strings, variables, operators,
    classes, functions, hashtables, arrays and comments.
.PARAMETER Destination
    Where the site goes.
.EXAMPLE
    ./deploy.ps1 -Destination C:\sites\home
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [Parameter(Mandatory = $true, Position = 0)]
    [ValidateNotNullOrEmpty()]
    [string]$Destination,

    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = "Release",

    [int]$Retries = 3,
    [switch]$Force
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# A single-line comment
$source = Join-Path $PSScriptRoot '..\site'
$env:HOMEPAGE_ENV = "production"
$count = 0
$ratio = 0.75
$items = @('one', 'two', "three $count")
$table = @{
    Name    = 'Homepage'
    Version = 1.2
    Tags    = @('jekyll', 'dotnet')
    Nested  = @{ Key = $true; Other = $null }
}

function Get-SiteFiles {
    [OutputType([System.IO.FileInfo[]])]
    param([string]$Path, [string[]]$Include = @('*.md', '*.html'))
    Get-ChildItem -Path $Path -Recurse -Include $Include |
        Where-Object { $_.Length -gt 0 -and $_.Name -notlike '_*' } |
        Sort-Object -Property LastWriteTime -Descending
}

function script:Write-Log([string]$Message, [ConsoleColor]$Color = 'Gray') {
    $stamp = Get-Date -Format 'yyyy-MM-dd HH:mm:ss'
    Write-Host "[$stamp] $Message" -ForegroundColor $Color
}

class Deployment : IDisposable {
    [string]$Target
    hidden [int]$Attempts = 0
    static [string]$Tool = 'homepage'

    Deployment([string]$target) {
        $this.Target = $target
    }

    [bool] Run() {
        $this.Attempts++
        return $this.Attempts -le 3
    }

    [void] Dispose() { }
}

$here = @"
Multi-line "here-string" with $Destination and $($table.Name)
and an escape `t tab and `$notavariable.
"@

$literal = @'
Literal here-string: $nothing expands here
'@

try {
    $files = Get-SiteFiles -Path $source
    Write-Log "Found $($files.Count) files in ${source}" -Color Green
    foreach ($file in $files) {
        if ($file.Extension -eq '.md') {
            $count += 1
        } elseif ($file.Extension -match '^\.html?$') {
            $count = $count + 2
        } else {
            continue
        }
    }
    for ($i = 0; $i -lt $Retries; $i++) {
        $deployment = [Deployment]::new($Destination)
        if ($deployment.Run()) { break }
    }
    switch -Regex ($Configuration) {
        '^Debug$'   { $flags = '--drafts' }
        'Release'   { $flags = '' }
        default     { throw "Unknown configuration: $Configuration" }
    }
    & dotnet run --project src/Homepage.Cli -- build --destination $Destination $flags
    if ($LASTEXITCODE -ne 0) { throw "Build failed with $LASTEXITCODE" }
    $sum = 1..10 | ForEach-Object { $_ * 2 } | Measure-Object -Sum
    $result = $sum.Sum / 3 % 2
    $text = 'a,b,c' -split ',' -join ';'
    $PSVersionTable.PSVersion.ToString()
    [System.IO.Path]::Combine($Destination, 'index.html') | Out-Null
    Copy-Item -Path "$source\*" -Destination $Destination -Recurse -Force:$Force
}
catch [System.IO.IOException] {
    Write-Log "I/O error: $($_.Exception.Message)" -Color Red
    exit 1
}
finally {
    Remove-Variable -Name deployment -ErrorAction SilentlyContinue
}
Write-Output "Done: $count files, ratio $ratio, items $($items -join ', ')"
