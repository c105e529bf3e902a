// Money is exact: amounts are decimal strings ("12.50") as the API sends them, held here as whole cents in BigInt.
// Binary floating point (0.1 + 0.2) never touches a price or a total.

const AMOUNT = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

/** "12.5" → 1250n; null when the text is not an amount the API accepts (≥ 0, ≤ 10 digits, ≤ 2 decimals). */
export function parseCents(text) {
    const match = AMOUNT.exec(String(text).trim());
    if (!match) {
        return null;
    }
    return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** 1250n → "12.50". */
export function formatCents(cents) {
    const sign = cents < 0n ? '-' : '';
    const absolute = cents < 0n ? -cents : cents;
    return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** quantity × unit price, exactly; null if either is not valid. */
export function lineTotal(quantity, unitPrice) {
    const cents = parseCents(unitPrice);
    if (cents === null || !/^\d+$/.test(String(quantity).trim())) {
        return null;
    }
    return cents * BigInt(String(quantity).trim());
}

/** "12.50" USD → "$12.50" in the user's locale, without converting the amount to a float. */
export function display(amount, currency) {
    const cents = typeof amount === 'bigint' ? amount : parseCents(amount);
    if (cents === null) {
        return `${amount} ${currency}`;
    }
    try {
        const parts = new Intl.NumberFormat(undefined, {style: 'currency', currency}).formatToParts(0);
        const symbol = parts.find(part => part.type === 'currency')?.value ?? currency;
        const symbolFirst = parts.findIndex(part => part.type === 'currency') < parts.findIndex(part => part.type === 'integer');
        const number = groupThousands(formatCents(cents));
        return symbolFirst ? `${symbol}${number}` : `${number} ${symbol}`;
    } catch {
        return `${formatCents(cents)} ${currency}`;
    }
}

function groupThousands(plain) {
    const [whole, fraction] = plain.split('.');
    return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}
