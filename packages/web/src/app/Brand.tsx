export function BrandLogo({ size = 34 }: { size?: number }) {
  return (
    <svg className="yy-brand-logo" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#ffffff" fillOpacity="0.14" />
      <path d="M32 50s-16-9.6-16-21a9 9 0 0 1 16-5.6A9 9 0 0 1 48 29c0 11.4-16 21-16 21z" fill="#4fd1c5" />
      <path d="M24 30h16M32 22v16" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
    </svg>
  )
}

export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <div className="yy-brand">
      <BrandLogo />
      {compact ? null : (
        <div>
          <div className="yy-brand-name">颐养</div>
          <div className="yy-brand-sub">智慧养老服务信息平台</div>
        </div>
      )}
    </div>
  )
}
