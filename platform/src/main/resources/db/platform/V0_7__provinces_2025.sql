-- The 34 provincial-level units from 1 July 2025 (Resolution 202/2025/QH15: 28 provinces and 6 centrally-run
-- cities). V0_2 seeded 12 of them; these are the other 22, with the same md5-derived ids in every service.
-- Codes are the project's (three letters, documented in identity/README.md#agency-codes). Existing rows are kept.
INSERT INTO agency_replica (code, id, name_vi, name_en, level, parent_code)
SELECT s.code, md5('agency:' || s.code)::uuid, s.name_vi, s.name_en, 'PROVINCE', 'CP'
FROM (VALUES
    ('LCU', 'Tỉnh Lai Châu', 'Lai Chau'),
    ('DBN', 'Tỉnh Điện Biên', 'Dien Bien'),
    ('SLA', 'Tỉnh Sơn La', 'Son La'),
    ('LSN', 'Tỉnh Lạng Sơn', 'Lang Son'),
    ('CBG', 'Tỉnh Cao Bằng', 'Cao Bang'),
    ('THA', 'Tỉnh Thanh Hóa', 'Thanh Hoa'),
    ('HTH', 'Tỉnh Hà Tĩnh', 'Ha Tinh'),
    ('TQG', 'Tỉnh Tuyên Quang', 'Tuyen Quang'),
    ('TNN', 'Tỉnh Thái Nguyên', 'Thai Nguyen'),
    ('PTO', 'Tỉnh Phú Thọ', 'Phu Tho'),
    ('HYN', 'Tỉnh Hưng Yên', 'Hung Yen'),
    ('NBH', 'Tỉnh Ninh Bình', 'Ninh Binh'),
    ('QTI', 'Tỉnh Quảng Trị', 'Quang Tri'),
    ('QNI', 'Tỉnh Quảng Ngãi', 'Quang Ngai'),
    ('GLA', 'Tỉnh Gia Lai', 'Gia Lai'),
    ('LDG', 'Tỉnh Lâm Đồng', 'Lam Dong'),
    ('DNI', 'Tỉnh Đồng Nai', 'Dong Nai'),
    ('TNH', 'Tỉnh Tây Ninh', 'Tay Ninh'),
    ('VLG', 'Tỉnh Vĩnh Long', 'Vinh Long'),
    ('DTP', 'Tỉnh Đồng Tháp', 'Dong Thap'),
    ('CMU', 'Tỉnh Cà Mau', 'Ca Mau'),
    ('AGG', 'Tỉnh An Giang', 'An Giang')
) AS s (code, name_vi, name_en)
ON CONFLICT (code) DO NOTHING;
