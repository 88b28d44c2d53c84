/** A drawn face for a rating level (0 = 非常满意 … 4 = 非常不满意): no emoji font needed on the tablet. */
export function Face({ mood, color, size = 64 }: { mood: number; color: string; size?: number }) {
  // The mouth's bend: positive smiles, negative frowns.
  const bend = [14, 8, 0, -8, -13][mood] ?? 0;
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="29" fill="none" stroke={color} strokeWidth="4" />
      <circle cx="22" cy="25" r="3.5" fill={color} />
      <circle cx="42" cy="25" r="3.5" fill={color} />
      {mood === 4 && <path d="M15 16 L27 20 M49 16 L37 20" stroke={color} strokeWidth="3" strokeLinecap="round" />}
      <path d={`M19 ${44 - bend / 2} Q32 ${44 + bend} 45 ${44 - bend / 2}`} fill="none" stroke={color} strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
