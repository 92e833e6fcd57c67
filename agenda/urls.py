
app_name = "agenda"

urlpatterns: list[object] = []
