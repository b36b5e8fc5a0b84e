// XML text and attribute escaping. Characters XML 1.0 forbids (most C0 controls, lone
// surrogates, U+FFFE/U+FFFF) are dropped: a strict parser would refuse the whole file.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function stripInvalidXml(s: string): string {
  return s.replace(INVALID, '')
}

export function escapeXml(s: string): string {
  return stripInvalidXml(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
