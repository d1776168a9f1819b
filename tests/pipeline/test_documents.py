from pipeline.documents import DocumentFinder

FINDER = DocumentFinder()


def found(text):
    return {e.text: e.attrs for e in FINDER.find(text)}


def test_numbered_documents_with_issuer_and_date():
    docs = found("UBND tỉnh triển khai Quyết định số 1234/QĐ-UBND ngày 12/5/2023 và Nghị quyết số 57-NQ/TW.")
    assert docs["Quyết định số 1234/QĐ-UBND"] == {"canonical": "Quyết định 1234/QĐ-UBND", "number": "1234/QĐ-UBND",
                                                  "doc_type": "Quyết định", "issuer": "Ủy ban nhân dân",
                                                  "date": "2023-05-12"}
    assert docs["Nghị quyết số 57-NQ/TW"]["issuer"] == "Ban Chấp hành Trung ương"


def test_plain_numbers_take_codes_from_the_issuer():
    docs = found("Tỉnh thực hiện Chỉ thị 16 năm 2020 của Thủ tướng Chính phủ và Nghị quyết 19 của Bộ Chính trị.")
    assert docs["Chỉ thị 16 năm 2020"]["canonical"] == "Chỉ thị 16/CT-TTg"
    assert docs["Chỉ thị 16 năm 2020"]["date"] == "2020"
    assert docs["Nghị quyết 19"]["canonical"] == "Nghị quyết 19-NQ/TW"


def test_titled_and_named_documents():
    text = ("Hai bên ký “Kế hoạch hợp tác phát triển du lịch biển đến năm 2030” và triển khai Chương trình "
            "chuyển đổi số trong nông nghiệp giai đoạn 2024 - 2026, theo Luật Đất đai.")
    assert set(found(text)) == {"Kế hoạch hợp tác phát triển du lịch biển đến năm 2030",
                                "Chương trình chuyển đổi số trong nông nghiệp giai đoạn 2024 - 2026", "Luật Đất đai"}


def test_not_documents():
    assert found("Sở Kế hoạch và Đầu tư báo cáo kế hoạch năm 2024; Đề án 1 triệu ha lúa; Quyết định 12 tháng 3.") == {}
