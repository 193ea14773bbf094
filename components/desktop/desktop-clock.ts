/** The desktop's clock, epoch ms with sub-ms resolution: the same clock phones stamp samples with. */
export const desktopNowMs = (): number => performance.timeOrigin + performance.now();
