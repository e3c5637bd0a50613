const crypto = require("crypto");

// Checks Amba-Signature on a webhook: true when one v1 signs "{t}.{raw body}" and t is within 5 minutes.
function verifyAmbaSignature(header, rawBody, signingSecret, nowSeconds = Math.floor(Date.now() / 1000)) {
  const pairs = header.split(",").map((part) => part.trim().split("="));
  const t = (pairs.find(([key]) => key === "t") || [])[1];
  if (!/^\d{1,12}$/.test(t || "") || Math.abs(nowSeconds - Number(t)) > 300) return false;
  const expected = crypto.createHmac("sha256", signingSecret).update(`${t}.`).update(rawBody).digest();
  return pairs
    .filter(([key, value]) => key === "v1" && /^[0-9a-f]{64}$/.test(value || ""))
    .some(([, value]) => crypto.timingSafeEqual(Buffer.from(value, "hex"), expected));
}

module.exports = { verifyAmbaSignature };
