/**
 * The report outline ("ĐỀ CƯƠNG BÁO CÁO") attached to Công văn 232-CV/HU, transcribed verbatim
 * from docs/reference/de-an-241-cong-van-232.md.
 *
 * Only markdown artefacts are removed: the **bold** / *italic* markers and heading #s, and the two
 * paragraphs the document breaks across a page (in 2.1 and 2.3) are joined with a single space.
 * Spelling is kept as printed ("dảng viên", "Cùng cố").
 */

export interface OutlineNode {
  /**
   * Numbering as printed: "I", "II", "1", "1.1", "2.2", or "-" / "+" for bullet items.
   * "" for the one unnumbered paragraph (the body of 2.6).
   */
  readonly number: string;
  /**
   * The heading or item text verbatim, without the number prefix and without markdown markup
   * (**, *, #). Words, punctuation, parentheses, quotes and italic notes are kept exactly
   * (italics are just text).
   */
  readonly text: string;
  /** Sub-items in document order; absent when the item has none. */
  readonly children?: readonly OutlineNode[];
}

export const REPORT_OUTLINE: {
  readonly title: string;
  readonly subtitle: string;
  readonly basis: string;
  readonly sections: readonly OutlineNode[];
} = {
  title: "ĐỀ CƯƠNG BÁO CÁO",
  subtitle:
    'tổng kết thực hiện Đề án "Nâng cao hiệu quả, chất lượng công tác tư tưởng của Đảng bộ tỉnh giai đoạn 2016 - 2020"',
  basis: "(Kế hoạch số 26-KH/TU, ngày 07/4/2021 của Ban Thường vụ Tỉnh ủy)",
  sections: [
    {
      number: "I",
      text: "KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH (liên quan đến việc tổ chức triển khai, thực hiện Đề án)",
      children: [
        {
          number: "1",
          text: "Thuận lợi",
        },
        {
          number: "2",
          text: "Khó khăn",
        },
      ],
    },
    {
      number: "II",
      text: "KẾT QUẢ TRIỂN KHAI THỰC HIỆN",
      children: [
        {
          number: "1",
          text: "Công tác lãnh đạo, chỉ đạo",
          children: [
            {
              number: "1.1",
              text: "Việc lãnh đạo, chỉ đạo quán triệt, học tập, triển khai thực hiện Đề án (số liệu cụ thể về đối tượng, hình thức quán triệt, học tập ở từng cấp).",
            },
            {
              number: "1.2",
              text: "Việc cụ thể hóa, ban hành văn bản lãnh đạo, chỉ đạo thực hiện Đề án (kế hoạch hằng năm, kế hoạch dài hạn đối với công tác tư tưởng): số lượng, loại văn bản đã ban hành.",
            },
            {
              number: "1.3",
              text: "Nhận thức của các cấp ủy đảng, chính quyền, đoàn thể chính trị - xã hội, cán bộ, đảng viên và Nhân dân các dân tộc về việc thực hiện Đề án.",
            },
            {
              number: "1.4",
              text: "Công tác kiểm tra, giám sát, khảo sát, sơ kết thực hiện Đề án (số liệu cụ thể).",
            },
          ],
        },
        {
          number: "2",
          text: "Kết quả thực hiện các mục tiêu, nhiệm vụ và giải pháp của Đề án",
          children: [
            {
              number: "2.1",
              text: "Nâng cao năng lực lãnh đạo của các cấp ủy đảng đối với công tác tư tưởng",
              children: [
                {
                  number: "-",
                  text: "Sự quan tâm lãnh đạo, chỉ đạo của cấp ủy, người đứng đầu cấp ủy đối với công tác tư tưởng.",
                },
                {
                  number: "-",
                  text: "Việc xây dựng kế hoạch nhiệm kỳ về nhiệm vụ công tác tư tưởng của cấp ủy, hằng năm cụ thể hoá các nhiệm vụ vào hướng dẫn của các cấp ủy đảng, cơ quan, đơn vị để tổ chức thực hiện (nêu rõ tên văn bản cụ thể).",
                },
                {
                  number: "-",
                  text: "Đánh giá vai trò của hệ thống ban tuyên giáo, các cơ quan tư tưởng - văn hóa, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh trong tham mưu triển khai thực hiện công tác tư tưởng.",
                },
                {
                  number: "-",
                  text: "Nâng cao chất lượng sinh hoạt chi bộ, nhất là sinh hoạt tư tưởng, giáo dục chính trị cho cán bộ, đảng viên; việc nêu gương và làm theo của cán bộ, dảng viên, nhất là cán bộ chủ chốt, người đứng đầu theo tinh thần Chỉ thị số 05-CT/TW của Bộ Chính trị gắn với Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng.",
                },
              ],
            },
            {
              number: "2.2",
              text: "Nâng cao hiệu quả, chất lượng công tác tuyên truyền, nắm bắt dư luận, hoạt động văn hóa, văn nghệ, công tác giáo dục truyền thống",
              children: [
                {
                  number: "-",
                  text: "Nâng cao chất lượng, hiệu quả tuyên truyền của các cơ quan báo chí (số lượng các chuyên trang, chuyên mục, chuyên đề); đưa kênh truyền hình Lai Châu lên vệ tinh Vinasat; nâng cấp Báo Lai Châu điện tử, Trang thông tin điện tử của Đài Phát thanh - Truyền hình tỉnh. Tỷ lệ hộ dân được nghe Đài Tiếng nói Việt Nam và xem Truyền hình Việt Nam, đạt...%; tỷ lệ hộ dân được nghe và xem chương trình của Đài Phát thanh - Truyền hình tỉnh, đạt...%.",
                },
                {
                  number: "-",
                  text: "Vai trò của đài truyền thanh - truyền hình cấp huyện, hệ thống truyền thanh cơ sở trong công tác tuyên truyền thực hiện nhiệm vụ chính trị của địa phương.",
                },
                {
                  number: "-",
                  text: "Việc thực hiện số hóa truyền hình mặt đất.",
                },
                {
                  number: "-",
                  text: "Đánh giá hoạt động báo cáo viên, tuyên truyền miệng, tuyên truyền viên của đảng bộ (số liệu về báo cáo viên, tuyên truyền viên và trình độ chuyên môn, trình độ lý luận chính trị); kết quả, chất lượng hoạt động và có sự so sánh với trước khi có Đề án (sự chuyển biến (tích cực hay không có chuyển biến); số hội nghị, số lượt người nghe, nội dung chủ yếu được tuyên truyền).",
                },
                {
                  number: "-",
                  text: "Chất lượng, hiệu quả các đội thông tin lưu động, chiếu bóng vùng cao (nêu rõ số đội thông tin lưu động, chiếu bóng vùng cao; số buổi tuyên truyền, thời lượng tuyên truyền).",
                },
                {
                  number: "-",
                  text: "Đánh giá về chất lượng, hiệu quả công tác nắm tình hình tư tưởng, dư luận xã hội; tổ chức các cuộc tiếp xúc, đối thoại giữa cấp ủy, chính quyền, các ngành chức năng với người dân trước những vấn đề, sự việc phát sinh (nêu rõ số buổi tiếp xúc, đối thoại, kết quả xử lý những vấn đề tư tưởng nảy sinh).",
                },
                {
                  number: "-",
                  text: "Hoạt động tuyên truyền, thông tin đối ngoại, tăng cường quảng bá, giới thiệu về lịch sử, văn hóa, con người, tiềm năng, thế mạnh hợp tác, phát triển của tỉnh đến bạn bè trong nước và quốc tế (số lượng các hoạt động hợp tác giao lưu văn hóa, nghệ thuật; xúc tiến đầu tư, du lịch, hội chợ, thương mại; trao đổi giữa các đoàn công tác của tỉnh với các địa phương của Trung Quốc, Lào và các tổ chức quốc tế).",
                },
                {
                  number: "-",
                  text: "Tổ chức các hoạt động văn hóa, văn nghệ phục vụ nhiệm vụ chính trị và chào mừng kỷ niệm các ngày lễ lớn, các sự kiện chính trị quan trọng của đất nước, của tỉnh (số buổi tổ chức/số người tham dự).",
                },
                {
                  number: "-",
                  text: "Công tác bảo tồn và phát huy giá trị văn hóa truyền thống các dân tộc (số liệu về sưu tầm, phục dựng, tổ chức các lễ hội, bảo tồn tư liệu lịch sử, giá trị văn hóa các dân tộc).",
                },
                {
                  number: "-",
                  text: "Hiệu quả hoạt động của các đội văn nghệ quần chúng cơ sở (số đội văn nghệ quần chúng, câu lạc bộ bảo tồn văn hóa dân gian; số lớp bồi dưỡng, hướng dẫn nghiệp vụ cho các đội văn nghệ quần chúng cơ sở; số buổi giao lưu văn hóa, văn nghệ theo cụm xã, bản).",
                },
                {
                  number: "-",
                  text: "Đánh giá về hiệu quả của hệ thống bảo tàng, thư viện, tủ sách pháp luật, điểm bưu điện văn hóa xã, nhà văn hóa xã, thôn, bản, tổ dân phố trong tổ chức các hoạt động tuyên truyền, giáo dục truyền thống (số liệu cụ thể về bảo tàng; thư viện; tủ sách pháp luật, điểm bưu điện văn hóa xã; số nhà văn hóa xã, thôn bản, tổ dân phố được xây dựng; tỷ lệ nhà văn hóa được khai thác, sử dụng hiệu quả). Tỷ lệ đạt tiêu chuẩn văn hóa: hộ gia đình đạt....%; thôn, bản, tổ dân phố đạt....%; cơ quan, đơn vị, trường học đạt....%. Số xã, phường, thị trấn có nhà văn hóa, đạt tỷ lệ....%; số thôn, bản, tổ dân phố có nhà văn hóa, đạt tỷ lệ....%. Số thôn, bản có đội văn nghệ hoạt động trong năm, đạt tỷ lệ.....%.",
                },
                {
                  number: "-",
                  text: "Chất lượng, hiệu quả cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” và thực hiện văn minh trong việc cưới, việc tang, lễ hội.",
                },
                {
                  number: "-",
                  text: "Cùng cố, nâng cao chất lượng hoạt động các chi hội văn học, nghệ thuật; chất lượng sáng tác, phê bình văn học, nghệ thuật (kết quả bảo tồn, giới thiệu văn nghệ dân gian, giá trị văn hóa truyền thống các dân tộc; việc mở lớp truyền dạy văn hóa, nghệ thuật dân gian... có số liệu cụ thể).",
                },
                {
                  number: "-",
                  text: "Công tác nghiên cứu, biên soạn lịch sử đảng bộ địa phương, lịch sử truyền thống các ban, ngành, đoàn thể trong tỉnh (số đảng bộ xã, thị trấn biên soạn và phát hành lịch sử đảng bộ, đạt tỷ lệ....%; số sở, ban, ngành đoàn thể cấp tỉnh biên soạn, phát hành lịch sử truyền thống ngành, đạt tỷ lệ....%).",
                },
              ],
            },
            {
              number: "2.3",
              text: "Nâng cao hiệu quả, chất lượng công tác nghiên cứu lý luận, tổng kết thực tiễn; công tác giáo dục lý luận chính trị",
              children: [
                {
                  number: "-",
                  text: "Nâng cao hiệu quả, chất lượng công tác nghiên cứu lý luận, tổng kết thực tiễn (chất lượng nghiên cứu, xây dựng, ban hành các nghị quyết, đề án, chương trình, kế hoạch hành động của cấp ủy các cấp); hoạt động nghiên cứu khoa học; công tác tổng kết thực tiễn, sơ kết, tổng kết đánh giá kết quả thực hiện nghị quyết, chỉ thị của Đảng (có số liệu chứng minh cụ thể).",
                },
                {
                  number: "-",
                  text: "Đánh giá việc nâng cao chất lượng tổ chức học tập nghị quyết, chỉ thị của Đảng (nêu rõ hình thức, phương pháp triển khai; tỷ lệ cán bộ, đảng viên được học tập, quán triệt nghị quyết của Đảng, đạt...%; tỷ lệ quần chúng nhân dân được tuyên truyền, quán triệt các chủ trương, chính sách, pháp luật của Đảng và Nhà nước, đạt...% và có sự so sánh với thời điểm trước khi ban hành đề án).",
                },
                {
                  number: "-",
                  text: "Công tác giáo dục lý luận chính trị, cụ thể:",
                  children: [
                    {
                      number: "+",
                      text: "Đổi mới nội dung, phương pháp dạy và học của Trường Chính trị tỉnh và các trung tâm chính trị cấp huyện.",
                    },
                    {
                      number: "+",
                      text: "Công tác đào tạo, bồi dưỡng, nâng cao trình độ chuyên môn, nghiệp vụ, lý luận chính trị cho đội ngũ giảng viên Trường Chính trị tỉnh và Trung tâm chính trị cấp huyện (có số liệu cụ thể: số lớp, số lượng học viên).",
                    },
                    {
                      number: "+",
                      text: "Việc tổ chức biên soạn tài liệu bồi dưỡng, cập nhật kiến thức những nội dung có liên quan tới tình hình cụ thể của địa phương, đơn vị dành cho cán bộ thuộc diện Ban Thường vụ huyện ủy, thành ủy và tương đương quản lý của Trường Chính trị tỉnh (số tài liệu, nội dung tài liệu đã biên soạn); bố trí giảng viên là lãnh đạo, quản lý các sở, ban, ngành giảng các chuyên đề gắn với thực tiễn địa phương cho các lớp trung cấp chính trị, bồi dưỡng nghiệp vụ (số người được mời/tổng số lớp).",
                    },
                    {
                      number: "+",
                      text: "Việc tổng hợp, biên soạn các tài liệu phục vụ công tác tư tưởng cung cấp cho cán bộ chủ chốt, đội ngũ báo cáo viên cấp huyện và cơ sở (số liệu cụ thể).",
                    },
                    {
                      number: "+",
                      text: "Tổ chức các lớp bồi dưỡng, cập nhật kiến thức cho cán bộ lãnh đạo, quản lý các cấp theo Quy định số 164-QĐ/TW, ngày 01/02/2013 của Bộ Chính trị khóa XI (số lớp; số cán bộ lãnh đạo, quản lý các cấp được bồi dưỡng, cập nhật kiến thức theo quy định, đạt tỷ lệ...%).",
                    },
                    {
                      number: "+",
                      text: "Kết quả mở lớp đào tạo, bồi dưỡng lý luận chính trị (tổng số lớp, số lượng lượt cán bộ, đảng viên tham gia).",
                    },
                  ],
                },
              ],
            },
            {
              number: "2.4",
              text: "Công tác đấu tranh bảo vệ nền tảng tư tưởng của Đảng; đấu tranh phản bác những luận điệu tuyên truyền sai trái, thù địch.",
              children: [
                {
                  number: "-",
                  text: "Việc cung cấp thông tin, tổ chức đối thoại, đấu tranh phản bác các quan điểm sai trái, chống phá Đảng và Nhà nước, tuyên truyền nói xấu, xuyên tạc, bóp méo sự thật gây hoang mang trong cán bộ, đảng viên và Nhân dân ở cơ sở.",
                },
                {
                  number: "-",
                  text: 'Xây dựng các bài viết, phóng sự đấu tranh ngăn chặn kịp thời, hiệu quả âm mưu "Diễn biến hòa bình" trên lĩnh vực tư tưởng - văn hóa của các thế lực thù địch trên các phương tiện thông tin đại chúng (Trên các phương tiện nào? số chuyên mục, tin, bài?).',
                },
                {
                  number: "-",
                  text: "Phát huy hiệu quả của hệ thống truyền thanh cơ sở, vai trò của đội ngũ báo cáo viên, tuyên truyền viên, cộng tác viên dư luận xã hội, trường bản, người có uy tín, cán bộ biên phòng, giáo viên, tổ dân vận... trong công tác tuyên truyền đấu tranh phản bác.",
                },
              ],
            },
            {
              number: "2.5",
              text: "Tăng cường rèn luyện phẩm chất đạo đức cách mạng, chống chủ nghĩa cá nhân, cơ hội, thực dụng trong đội ngũ cán bộ, đảng viên",
              children: [
                {
                  number: "-",
                  text: "Công tác lãnh đạo, chỉ đạo việc học tập chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, đường lối, chủ trương của Đảng và pháp luật của Nhà nước; tu dưỡng, rèn luyện về phẩm chất đạo đức, nhân cách và phòng chống chủ nghĩa cá nhân, cơ hội, thực dụng trong cán bộ, đảng viên (nêu rõ cách làm cụ thể).",
                },
                {
                  number: "-",
                  text: "Công tác kiểm tra, giám sát việc rèn luyện phẩm chất đạo đức, lối sống của cán bộ, đảng viên, nhất là trong lãnh đạo, quản lý và thực thi công vụ (cụ thể về số cuộc kiểm tra, giám sát/số đối tượng; số đối tượng bị xử lý, kỷ luật).",
                },
              ],
            },
            {
              number: "2.6",
              text: "Củng cố, kiện toàn, nâng cao chất lượng tổ chức bộ máy, đội ngũ cán bộ làm công tác tư tưởng các cấp",
              children: [
                {
                  number: "",
                  text: "Số phóng viên, biên tập viên các cơ quan báo chí của tỉnh, số giảng viên Trường Chính trị tỉnh, số cán bộ, giảng viên, chuyên viên ban tuyên giáo, trung tâm chính trị cấp huyện, thành phố (Nêu rõ trình độ chuyên môn, đạt tỷ lệ...%; trình độ lý luận chính trị, đạt tỷ lệ...%, số lớp đã mở đào tạo, bồi dưỡng, tập huấn chuyên môn, nghiệp vụ cho đội ngũ báo cáo viên, tuyên truyền viên, phóng viên, giảng viên, chuyên viên và so sánh với thời điểm trước khi có Đề án, tăng, giảm).",
                },
              ],
            },
            {
              number: "2.7",
              text: "Cơ chế, chính sách đối với công tác tư tưởng",
              children: [
                {
                  number: "-",
                  text: "Xây dựng, củng cố hệ thống thiết chế văn hóa cơ sở; nâng cấp, hoàn thiện đồng bộ hệ thống loa truyền thanh tại các xã, thị trấn (số xã, phường, thị trấn có trạm truyền thanh FM, đạt tỷ lệ...%; số thôn, bản, tổ dân phố có cụm loa truyền thanh cơ sở hoạt động ổn định, đạt tỷ lệ...%); số trung tâm chính trị các huyện, thành phố và Trường Chính trị tỉnh hoàn thiện về cơ sở vật chất, đạt tỷ lệ...%.",
                },
                {
                  number: "-",
                  text: "Chính sách đào tạo, sử dụng, đãi ngộ đội ngũ văn nghệ sỹ tiêu biểu trên địa bàn; chính sách hỗ trợ sáng tác, quảng bá tác phẩm văn học - nghệ thuật, hỗ trợ các nghệ nhân tham gia bảo tồn di sản văn hóa các dân tộc (số liệu cụ thể).",
                },
                {
                  number: "-",
                  text: "Kết quả sử dụng kinh phí trong triển khai thực hiện Đề án (tổng kinh phí đã bố trí cho thực hiện Đề án; nguồn kinh phí được cấp; kinh phí xã hội hóa; việc sử dụng kinh phí cụ thể cho từng lĩnh vực).",
                },
              ],
            },
          ],
        },
      ],
    },
    {
      number: "III",
      text: "ĐÁNH GIÁ CHUNG",
      children: [
        {
          number: "1",
          text: "Ưu điểm (khái quát kết quả công tác lãnh đạo, chỉ đạo triển khai thực hiện Đề án; sự vào cuộc của các cấp ủy, tổ chức đảng và hệ thống chính trị; kết quả thực hiện Đề án ở mức nào, kết quả thực hiện các chỉ tiêu cụ thể; sự tác động đến tư tưởng, nhận thức của cán bộ, đảng viên và các tầng lớp nhân dân...).",
        },
        {
          number: "2",
          text: "Hạn chế, yếu kém (đánh giá rõ những hạn chế, yếu kém theo mục II).",
        },
        {
          number: "3",
          text: "Nguyên nhân của những hạn chế, yếu kém",
          children: [
            {
              number: "-",
              text: "Nguyên nhân khách quan",
            },
            {
              number: "-",
              text: "Nguyên nhân chủ quan",
            },
          ],
        },
        {
          number: "4",
          text: "Kinh nghiệm rút ra",
        },
      ],
    },
    {
      number: "IV",
      text: "NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI",
      children: [
        {
          number: "1",
          text: "Nhiệm vụ",
        },
        {
          number: "2",
          text: "Giải pháp",
        },
      ],
    },
    {
      number: "V",
      text: "KIẾN NGHỊ, ĐỀ XUẤT",
      children: [
        {
          number: "-",
          text: "Các địa phương, đơn vị rà soát, đề xuất, kiến nghị về mục tiêu, nhiệm vụ, giải pháp cần tiếp tục triển khai thực hiện trong thời gian tới.",
        },
        {
          number: "-",
          text: "Đề xuất, kiến nghị các nội dung khác liên quan đến đề án cần tiếp tục triển khai thực hiện.",
        },
      ],
    },
  ],
};

/** Every node of the outline, depth-first (parent before its children), i.e. in document order. */
export function flattenOutline(nodes: readonly OutlineNode[] = REPORT_OUTLINE.sections): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (const node of nodes) {
    out.push(node);
    if (node.children) out.push(...flattenOutline(node.children));
  }
  return out;
}
