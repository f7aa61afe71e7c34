// Vietnamese words of the live projector during an electronic vote (issue 7 §4, §6).

/** The Vietnamese table of the live projector; spread into vi.ts. */
export const LIVE_VI = {
  'projector.electronic': 'Đang bỏ phiếu điện tử',
  'projector.ballotsReceived': 'Số phiếu đã nhận / số đại biểu có mặt',
  'projector.ballotsLine': 'Đã nhận {received} phiếu của {present} đại biểu có mặt',
  'projector.openOnPhone': 'Mở bằng điện thoại',
  'projector.boothQr': 'Mã QR của địa chỉ bỏ phiếu {url}',
  'projector.electronicNote':
    'Chỉ hiển thị số phiếu đã nhận. Kết quả có sau khi kết thúc bỏ phiếu và Ban kiểm phiếu giải mã.',
  'projector.loopback':
    'Địa chỉ này chỉ mở được trên chính máy này. Để điện thoại mở được, chạy máy chủ với HOST=0.0.0.0 và mở trang trình chiếu bằng địa chỉ IP của máy trong mạng Wi-Fi.',
  'projector.live': 'Cập nhật trực tiếp',
} as const;
