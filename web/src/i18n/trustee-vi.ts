// Bảng chuỗi trang phần khóa của thành viên Ban kiểm phiếu (issue 7 §1, §5); spread into vi.ts.

/** Vietnamese words of the trustee page and its local error codes. */
export const TRUSTEE_VI = {
  'day.trustee': 'Phần khóa của tôi',
  'trustee.title': 'Phần khóa của thành viên Ban kiểm phiếu',
  'trustee.noElection':
    'Hội nghị chưa mở bỏ phiếu điện tử. Trang này tự cập nhật khi cán bộ tổ chức mở, hãy để trang mở.',
  'trustee.notTrustee':
    'Bạn không giữ phần khóa của cuộc bỏ phiếu này: chỉ thành viên Ban kiểm phiếu có tên khi mở bỏ phiếu điện tử mới tham gia tạo khóa.',
  'trustee.you': 'Bạn là',
  'trustee.youAre': 'Thành viên giữ khóa số {trustee} trên {trustees}',
  'trustee.threshold': 'Giải mã',
  'trustee.thresholdText': 'Cần ít nhất {threshold} thành viên mang phần khóa của mình',
  'trustee.fingerprint': 'Dấu nhận dạng cuộc bỏ phiếu',
  'trustee.fingerprintHelp':
    'Đọc to và so với dấu trên màn hình hội nghị: phải giống nhau từng ký tự.',
  'trustee.secretNote':
    'Phần khóa bí mật của bạn được tạo ngay trên máy này và chỉ nằm ở đây; máy chủ không bao giờ nhận được nó. Khi được yêu cầu, hãy lưu tệp phần khóa hoặc in mã QR và tự mình cất giữ: chỉ bạn giữ nó, không đưa cho ai, không gửi qua mạng. Đừng đóng hay tải lại thẻ này cho đến khi đã lưu phần khóa.',
  'trustee.steps': 'Các bước của bạn',
  'trustee.state.done': 'Xong',
  'trustee.state.now': 'Đang làm',
  'trustee.state.later': 'Chưa đến',
  'trustee.step.key': 'Tạo khóa của bạn',
  'trustee.step.commitment': 'Chia phần khóa cho các thành viên khác',
  'trustee.step.check': 'Kiểm tra các phần khóa nhận được',
  'trustee.step.keep': 'Lưu phần khóa (tệp hoặc mã QR)',
  'trustee.step.acknowledgement': 'Xác nhận khóa bầu cử',
  'trustee.step.partial': 'Giải mã phần của bạn sau khi kết thúc bỏ phiếu',
  'trustee.now.key': 'Đang tạo khóa của bạn…',
  'trustee.now.commitment': 'Đang chia phần khóa cho các thành viên khác…',
  'trustee.now.check': 'Đang kiểm tra các phần khóa bạn nhận được…',
  'trustee.now.keep':
    'Khóa bầu cử đã được tạo. Hãy lưu phần khóa của bạn, rồi bấm “Xác nhận khóa bầu cử”.',
  'trustee.now.lost':
    'Thẻ trình duyệt này không còn giữ phần khóa bí mật của bạn (trang đã được mở ở thẻ hay máy khác, hoặc thẻ đã bị đóng). Không thể tiếp tục lần tạo khóa này ở đây: hãy báo Trưởng Ban kiểm phiếu và cán bộ tổ chức, rồi bắt đầu lại lễ tạo khóa.',
  'trustee.now.failed':
    'Tạo khóa không thành: số thành viên có phần khóa hợp lệ ít hơn số cần để giải mã. Có thể bắt đầu lại lễ tạo khóa để mọi thành viên làm lại từ đầu.',
  'trustee.restarted':
    'Lễ tạo khóa đã được bắt đầu lại (lần thứ {ceremony}): mọi phần đã làm ở lần trước đều bị hủy và mọi thành viên làm lại từ đầu. Trang này tự tham gia lần mới, hãy để trang mở. Tệp phần khóa đã lưu ở lần trước (nếu có) không còn dùng được: hãy xóa tệp đó.',
  'trustee.restartedDropped': 'Phần khóa bí mật của lần trước trên máy này đã được xóa.',
  'trustee.restart': 'Bắt đầu lại lễ tạo khóa',
  'trustee.restartText':
    'Khi chưa có khóa bầu cử, có thể bắt đầu lại lễ tạo khóa: mọi thành viên làm lại từ đầu trên máy của mình, với phần khóa mới.',
  'trustee.restartConfirm':
    'Bắt đầu lại lễ tạo khóa? Mọi phần các thành viên đã làm đều bị hủy; mỗi người làm lại từ đầu trên trang của mình. Hãy báo Trưởng Ban kiểm phiếu và cán bộ tổ chức.',
  'trustee.restartSubmit': 'Xác nhận bắt đầu lại',
  'trustee.now.decrypt':
    'Đã kết thúc bỏ phiếu và cộng phiếu. Hãy mở tệp phần khóa của bạn (hoặc quét mã QR) để giải mã phần của bạn.',
  'trustee.now.done': 'Đã giải mã xong kết quả bỏ phiếu điện tử. Cảm ơn bạn.',
  'trustee.wait.keys': 'Đã gửi khóa của bạn. Đang chờ các thành viên khác tạo khóa…',
  'trustee.wait.commitments': 'Đã chia phần khóa. Đang chờ các thành viên khác chia phần khóa…',
  'trustee.wait.checks': 'Đã kiểm tra phần khóa. Đang chờ các thành viên khác kiểm tra…',
  'trustee.wait.acknowledgements':
    'Đã xác nhận khóa bầu cử. Đang chờ các thành viên khác xác nhận…',
  'trustee.wait.closing':
    'Đã có khóa bầu cử. Hãy cất giữ phần khóa; sau khi kết thúc bỏ phiếu, mở lại trang này để giải mã.',
  'trustee.wait.partials': 'Đã gửi phần giải mã của bạn. Đang chờ đủ số thành viên giải mã…',
  'trustee.complained':
    'Phần khóa nhận từ thành viên số {dealers} không đúng: đã gửi khiếu nại để mọi người cùng kiểm tra.',
  'trustee.keepTitle': 'Lưu phần khóa của bạn',
  'trustee.keepText':
    'Tệp phần khóa (hoặc mã QR) là thứ duy nhất giúp bạn giải mã sau khi kết thúc bỏ phiếu. Lưu vào máy hoặc thẻ nhớ của bạn, hoặc in mã QR và giữ bản in; chỉ bạn giữ nó.',
  'trustee.saveKey': 'Lưu phần khóa',
  'trustee.showQr': 'Hiện mã QR để in',
  'trustee.hideQr': 'Ẩn mã QR',
  'trustee.printQr': 'In mã QR',
  'trustee.qrLabel': 'Mã QR phần khóa của thành viên số {trustee}',
  'trustee.qrCaption':
    'Phần khóa của thành viên giữ khóa số {trustee} — dấu nhận dạng {fingerprint}. Giữ kín, chỉ mình bạn giữ.',
  'trustee.saved': 'Đã lưu tệp {name}. Hãy cất giữ tệp này cẩn thận.',
  'trustee.acknowledgeText':
    'Bấm xác nhận khi dấu nhận dạng trên trang này giống dấu trên màn hình hội nghị và bạn đã cất giữ phần khóa.',
  'trustee.acknowledge': 'Xác nhận khóa bầu cử',
  'trustee.keepFirst': 'Hãy lưu tệp phần khóa hoặc in mã QR trước khi xác nhận.',
  'trustee.decryptTitle': 'Giải mã phần của bạn',
  'trustee.decryptText':
    'Chọn tệp phần khóa bạn đã lưu khi tạo khóa. Tệp chỉ được đọc trên máy này, không gửi đi; chỉ phần giải mã và bằng chứng của nó được gửi.',
  'trustee.keyFile': 'Tệp phần khóa',
  'trustee.scanKey': 'Quét mã QR phần khóa',
  'trustee.decrypting': 'Đang giải mã…',
  'trustee.partials': 'Đã có {count} trên {threshold} phần giải mã cần thiết.',
  'trustee.decrypted': 'Đã đủ phần giải mã: kết quả bỏ phiếu điện tử đã được giải mã.',
  'trustee.members': 'Các thành viên giữ khóa',
  'trustee.member.none': 'chưa bắt đầu',
  'trustee.member.key': 'đã tạo khóa',
  'trustee.member.commitment': 'đã chia phần khóa',
  'trustee.member.check': 'đã kiểm tra phần khóa',
  'trustee.member.acknowledgement': 'đã xác nhận khóa bầu cử',
  'trustee.member.partial': 'đã giải mã',
  'error.trustee_internal': 'Không tính được phần khóa trên máy này. Hãy thử lại.',
  'error.trustee_not_ready': 'Chưa đến bước này: khóa bầu cử hoặc kết quả cộng phiếu chưa có.',
  'error.trustee_share_mismatch':
    'Phần khóa ghép lại không khớp với khóa kiểm tra của bạn: không lưu được phần khóa đúng. Hãy báo Trưởng Ban kiểm phiếu.',
  'error.key_file_invalid': 'Tệp này không phải tệp phần khóa, hoặc đã bị hỏng.',
  'error.key_file_other_election': 'Tệp phần khóa này thuộc một cuộc bỏ phiếu khác.',
  'error.key_file_other_trustee':
    'Tệp phần khóa này là của thành viên khác: mỗi người chỉ dùng tệp của chính mình.',
  'error.key_file_wrong_share':
    'Phần khóa trong tệp không khớp với khóa kiểm tra của bạn (có thể là tệp của một lần tạo khóa đã bị bắt đầu lại).',
} as const;
