import { describe, expect, it } from "vitest";
import { deviceNameDefault, platformGuess } from "@/lib/phone/platform";

const UA = {
  iphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  ipadOS: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  pixel: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  windows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  linux: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36",
};

describe("platformGuess", () => {
  it("recognises phones and desktops", () => {
    expect(platformGuess(UA.iphone, 5)).toBe("ios");
    expect(platformGuess(UA.pixel, 5)).toBe("android");
    expect(platformGuess(UA.windows)).toBe("desktop");
    expect(platformGuess(UA.linux)).toBe("desktop");
    expect(platformGuess("SomeWatch/1.0")).toBe("other");
  });

  it("tells an iPad posing as a Mac by its touch screen", () => {
    expect(platformGuess(UA.ipadOS, 5)).toBe("ios");
    expect(platformGuess(UA.ipadOS, 0)).toBe("desktop");
  });
});

describe("deviceNameDefault", () => {
  it("names the device by platform", () => {
    expect(deviceNameDefault("ios")).toBe("iPhone");
    expect(deviceNameDefault("android")).toBe("Android phone");
    expect(deviceNameDefault("desktop")).toBe("Phone");
    expect(deviceNameDefault("other")).toBe("Phone");
  });
});
