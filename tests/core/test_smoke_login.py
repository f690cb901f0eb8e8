def test_login_page_is_chinese_and_workbench_needs_login(client, db):
    """Given an anonymous visitor, the workbench sends them to a Chinese login page."""
    response = client.get("/", follow=True)
    assert response.status_code == 200
    assert "登录" in response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/login/")


def test_each_role_sees_its_workbench(client, people):
    for user in [people.officer, people.supervisor, people.grid_worker, people.audit_admin]:
        client.force_login(user)
        body = client.get("/").content.decode()
        assert "工作台" in body
        assert user.username in body or str(user) in body
        client.logout()
